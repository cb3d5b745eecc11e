/// Did-you-mean suggestions for misspelled keys and names.
package enum Suggestions {
    /// The candidate closest to `word`, if it is close enough to be a likely typo.
    static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let lowered = Array(word.lowercased().unicodeScalars)
        guard !lowered.isEmpty, lowered.count <= 64 else { return nil }
        var best: (candidate: String, distance: Int)?
        for candidate in candidates {
            // A word cut short (`bool` for `boolean`) is a likely slip too.
            if lowered.count >= 3, candidate.lowercased().hasPrefix(String(String.UnicodeScalarView(lowered))) {
                return candidate
            }
            let distance = editDistance(lowered, Array(candidate.lowercased().unicodeScalars))
            let allowed = max(1, min(lowered.count, candidate.count) / 3)
            if distance <= allowed, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.candidate
    }

    /// ` (did you mean 'x'?)`, or an empty string when nothing is close.
    package static func didYouMean(_ word: String, in candidates: some Sequence<String>) -> String {
        closest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// Edit distance in which swapping two neighbouring characters counts as one edit
    /// (optimal string alignment), so `notse` is one slip away from `notes`.
    private static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(repeating: 0, count: b.count + 1)
        var current = Array(0...b.count)
        var next = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            swap(&previous, &current)
            swap(&current, &next)
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], next[j - 2] + 1)
                }
            }
        }
        return current[b.count]
    }
}
