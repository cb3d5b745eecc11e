/// Applies a unified diff to a text, checking every context and deleted line; nil when the diff does not fit.
enum PatchApplier {
    static func apply(_ diff: String, to old: String) -> String? {
        guard !diff.isEmpty else { return old }
        let oldLines = lines(old)
        var diffLines = lines(diff).dropFirst(2)
        var output: [String] = []
        var position = 0
        while let header = diffLines.popFirst() {
            guard header.hasPrefix("@@ -"), let start = oldStart(header), start >= position, start <= oldLines.count
            else { return nil }
            output += oldLines[position..<start]
            position = start
            for (marker, text) in body(&diffLines) {
                if marker != "+" {
                    guard position < oldLines.count, oldLines[position] == text else { return nil }
                    position += 1
                }
                if marker != "-" { output.append(text) }
            }
        }
        output += oldLines[position...]
        return output.joined()
    }

    /// A hunk's lines as marker and text, a `\ No newline at end of file` line taking the line feed off the
    /// line before it.
    private static func body(_ diffLines: inout ArraySlice<String>) -> [(Character, String)] {
        var result: [(Character, String)] = []
        while let line = diffLines.first, !line.hasPrefix("@@") {
            diffLines.removeFirst()
            guard let marker = line.first else { continue }
            if marker == "\\", let last = result.popLast() {
                result.append((last.0, String(last.1.dropLast())))
            } else {
                result.append((marker, String(line.dropFirst())))
            }
        }
        return result
    }

    /// The lines of `text`, each with its line feed.
    private static func lines(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for scalar in text.unicodeScalars {
            current.unicodeScalars.append(scalar)
            if scalar == "\n" {
                result.append(current)
                current = ""
            }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }

    /// The 0-based old line where a hunk starts (`@@ -0,0` and `@@ -5,0` name the line before).
    private static func oldStart(_ header: String) -> Int? {
        let parts = header.dropFirst(4).prefix { $0 != " " }.split(separator: ",", omittingEmptySubsequences: false)
        guard let start = Int(parts[0]) else { return nil }
        return parts.count > 1 && parts[1] == "0" ? start : start - 1
    }
}
