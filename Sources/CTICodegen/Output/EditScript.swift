/// The edits turning one line sequence into another, grouped into the hunks of a unified diff.
struct EditScript {
    /// One line kept, deleted or inserted; indices are into the old or new lines.
    enum Edit: Equatable {
        case keep(Int, Int)
        case delete(Int)
        case insert(Int)

        var isChange: Bool {
            if case .keep = self { return false }
            return true
        }
    }

    /// A run of edits with its position in both texts (0-based starts).
    struct Hunk: Equatable {
        var edits: Range<Int>
        var oldStart: Int
        var oldCount: Int
        var newStart: Int
        var newCount: Int
    }

    /// Every line of both texts, in order; between two kept lines, deletions come before insertions.
    let edits: [Edit]

    /// Builds the script from matched line pairs (increasing on both sides).
    init(matches: [LineMatcher.Match], oldCount: Int, newCount: Int) {
        var edits: [Edit] = []
        edits.reserveCapacity(oldCount + newCount - matches.count)
        var old = 0
        var new = 0
        for match in matches + [LineMatcher.Match(old: oldCount, new: newCount)] {
            while old < match.old {
                edits.append(.delete(old))
                old += 1
            }
            while new < match.new {
                edits.append(.insert(new))
                new += 1
            }
            if match.old < oldCount { edits.append(.keep(match.old, match.new)) }
            old += 1
            new += 1
        }
        self.edits = edits
    }

    /// The hunks: each change with up to `context` kept lines on either side, merged when fewer than
    /// `2 * context + 1` kept lines separate two changes.
    func hunks(context: Int) -> [Hunk] {
        var hunks: [Hunk] = []
        var oldPosition = 0
        var newPosition = 0
        var index = 0
        while let change = edits[index...].firstIndex(where: \.isChange) {
            let start = max(index, change - context)
            var lastChange = change
            var probe = change + 1
            while probe < edits.count, edits[probe].isChange || probe - lastChange <= 2 * context {
                if edits[probe].isChange { lastChange = probe }
                probe += 1
            }
            let end = min(edits.count, lastChange + context + 1)
            for edit in edits[index..<start] { advance(&oldPosition, &newPosition, over: edit) }
            var hunk = Hunk(edits: start..<end, oldStart: oldPosition, oldCount: 0, newStart: newPosition, newCount: 0)
            for edit in edits[start..<end] {
                advance(&oldPosition, &newPosition, over: edit)
                switch edit {
                case .keep:
                    hunk.oldCount += 1
                    hunk.newCount += 1
                case .delete: hunk.oldCount += 1
                case .insert: hunk.newCount += 1
                }
            }
            hunks.append(hunk)
            index = end
        }
        return hunks
    }

    private func advance(_ old: inout Int, _ new: inout Int, over edit: Edit) {
        switch edit {
        case .keep:
            old += 1
            new += 1
        case .delete: old += 1
        case .insert: new += 1
        }
    }
}
