import CTICodegen
import Foundation
import Testing

/// Exact unified diffs for small cases, and speed on large files that differ a little.
@Suite struct UnifiedDiffTests {
    static let nine = "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\n"

    func diff(_ old: String, _ new: String, context: Int = 3) -> String {
        UnifiedDiff.diff(old: old, new: new, oldName: "File.swift", newName: "File.swift", context: context)
    }

    @Test func equalTextsGiveNoDiff() {
        #expect(diff(Self.nine, Self.nine) == "")
        #expect(diff("", "") == "")
    }

    @Test func oneLineChangedInTheMiddleShowsThreeLinesOfContext() {
        let new = Self.nine.replacingOccurrences(of: "five", with: "FIVE")
        #expect(
            diff(Self.nine, new) == """
                --- a/File.swift
                +++ b/File.swift
                @@ -2,7 +2,7 @@
                 two
                 three
                 four
                -five
                +FIVE
                 six
                 seven
                 eight

                """)
    }

    @Test func insertionAtTheStart() {
        #expect(
            diff("a\nb\nc\nd\ne\n", "x\na\nb\nc\nd\ne\n") == """
                --- a/File.swift
                +++ b/File.swift
                @@ -1,3 +1,4 @@
                +x
                 a
                 b
                 c

                """)
    }

    @Test func deletionAtTheEnd() {
        #expect(
            diff("a\nb\nc\nd\ne\n", "a\nb\nc\nd\n") == """
                --- a/File.swift
                +++ b/File.swift
                @@ -2,4 +2,3 @@
                 b
                 c
                 d
                -e

                """)
    }

    @Test func aNewFileDiffsAgainstDevNull() {
        let text = UnifiedDiff.diff(
            old: "", new: "a\nb\n", oldName: UnifiedDiff.missingFileName, newName: "Generated/New.swift")
        #expect(
            text == """
                --- /dev/null
                +++ b/Generated/New.swift
                @@ -0,0 +1,2 @@
                +a
                +b

                """)
    }

    @Test func emptyingAFileGivesAnEmptyNewRange() {
        #expect(
            diff("a\nb\n", "") == """
                --- a/File.swift
                +++ b/File.swift
                @@ -1,2 +0,0 @@
                -a
                -b

                """)
    }

    @Test func changesFarApartGetTwoHunks() {
        let old = (1...20).map { "line \($0)\n" }.joined()
        let new = old.replacingOccurrences(of: "line 2\n", with: "LINE 2\n")
            .replacingOccurrences(of: "line 19\n", with: "LINE 19\n")
        #expect(
            diff(old, new) == """
                --- a/File.swift
                +++ b/File.swift
                @@ -1,5 +1,5 @@
                 line 1
                -line 2
                +LINE 2
                 line 3
                 line 4
                 line 5
                @@ -16,5 +16,5 @@
                 line 16
                 line 17
                 line 18
                -line 19
                +LINE 19
                 line 20

                """)
    }

    @Test func changesSixLinesApartShareOneHunk() {
        let new = Self.nine.replacingOccurrences(of: "one", with: "ONE").replacingOccurrences(of: "eight", with: "EIGHT")
        #expect(
            diff(Self.nine, new) == """
                --- a/File.swift
                +++ b/File.swift
                @@ -1,9 +1,9 @@
                -one
                +ONE
                 two
                 three
                 four
                 five
                 six
                 seven
                -eight
                +EIGHT
                 nine

                """)
    }

    @Test func zeroContextNamesTheLineBeforeAnInsertion() {
        #expect(
            diff("a\nb\n", "a\nx\nb\n", context: 0) == """
                --- a/File.swift
                +++ b/File.swift
                @@ -1,0 +2 @@
                +x

                """)
    }

    @Test func aMissingFinalLineFeedIsMarked() {
        #expect(
            diff("a\nb", "a\nb\n") == """
                --- a/File.swift
                +++ b/File.swift
                @@ -1,2 +1,2 @@
                 a
                -b
                \\ No newline at end of file
                +b

                """)
    }

    @Test func linesAreComparedByteForByte() {
        #expect(diff("caf\u{E9}\n", "cafe\u{301}\n").contains("-caf\u{E9}\n+cafe\u{301}\n"))
    }

    @Test func twentyThousandLinesWithTwoChangesGiveTwoHunks() {
        let old = (0..<20_000).map { "    let value\($0) = \($0)\n" }
        var new = old
        new[3_000] = "    let changed = 1\n"
        new[17_000] = "    let changed = 2\n"
        let text = diff(old.joined(), new.joined())
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.filter { $0.hasPrefix("-") && !$0.hasPrefix("---") } == ["-    let value3000 = 3000", "-    let value17000 = 17000"])
        #expect(lines.filter { $0.hasPrefix("+") && !$0.hasPrefix("+++") } == ["+    let changed = 1", "+    let changed = 2"])
        #expect(lines.filter { $0.hasPrefix("@@") } == ["@@ -2998,7 +2998,7 @@", "@@ -16998,7 +16998,7 @@"])
    }

    @Test func twoUnrelatedLargeFilesGiveACorrectDiff() {
        let old = (0..<20_000).map { "old \($0)\n}\n" }.joined()
        let new = (0..<20_000).map { "new \($0)\n}\n" }.joined()
        #expect(PatchApplier.apply(diff(old, new), to: old) == new)
    }
}
