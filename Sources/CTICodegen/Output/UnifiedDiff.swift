/// Unified diffs between two texts, in the format `diff -u` and `git diff` print.
public enum UnifiedDiff {
    /// The name that stands for a file that does not exist; it is printed without an `a/` or `b/` prefix.
    public static let missingFileName = "/dev/null"

    /// The unified diff turning `old` into `new`: a `--- a/<oldName>` and `+++ b/<newName>` header, then
    /// `@@ -start,count +start,count @@` hunks with `context` unchanged lines around each change.
    ///
    /// Lines are compared byte for byte. Returns an empty string when the texts are equal. Pass
    /// ``missingFileName`` as `oldName` (with an empty `old`) for a file that does not exist yet.
    public static func diff(old: String, new: String, oldName: String, newName: String, context: Int = 3) -> String {
        diff(old: old, new: new, oldName: oldName, newName: newName, context: context, matcher: LineMatcher())
    }

    /// ``diff(old:new:oldName:newName:context:)`` with a chosen line matcher.
    static func diff(
        old: String, new: String, oldName: String, newName: String, context: Int, matcher: LineMatcher
    ) -> String {
        guard !old.utf8.elementsEqual(new.utf8) else { return "" }
        let oldLines = DiffLines(old)
        let newLines = DiffLines(new)
        let numbers = DiffLines.identifiers(oldLines, newLines)
        let script = EditScript(
            matches: matcher.matches(old: numbers.old, new: numbers.new),
            oldCount: oldLines.lines.count, newCount: newLines.lines.count)
        var output = "--- \(header(oldName, prefix: "a/"))\n+++ \(header(newName, prefix: "b/"))\n"
        for hunk in script.hunks(context: max(0, context)) {
            output += "@@ -\(range(hunk.oldStart, hunk.oldCount)) +\(range(hunk.newStart, hunk.newCount)) @@\n"
            for edit in script.edits[hunk.edits] {
                switch edit {
                case .keep(let line, _): output += render(" ", oldLines.lines[line])
                case .delete(let line): output += render("-", oldLines.lines[line])
                case .insert(let line): output += render("+", newLines.lines[line])
                }
            }
        }
        return output
    }

    private static func header(_ name: String, prefix: String) -> String {
        name == missingFileName ? name : prefix + name
    }

    /// `start,count` as unified diffs write it: 1-based, `,1` left out, and an empty range named by the line
    /// before it.
    private static func range(_ start: Int, _ count: Int) -> String {
        switch count {
        case 0: "\(start),0"
        case 1: "\(start + 1)"
        default: "\(start + 1),\(count)"
        }
    }

    private static func render(_ marker: String, _ bytes: ArraySlice<UInt8>) -> String {
        let text = marker + String(decoding: bytes, as: UTF8.self)
        return bytes.last == UInt8(ascii: "\n") ? text : text + "\n\\ No newline at end of file\n"
    }
}
