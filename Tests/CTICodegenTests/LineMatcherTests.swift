import Foundation
import Testing

@testable import CTICodegen

/// The diff is a correct patch and, within the cost limit, a shortest one; checked on many random texts.
@Suite struct LineMatcherTests {
    /// A small deterministic generator, so that a failure can be reproduced.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11 ^ state
        }
    }

    static func randomText(_ generator: inout SeededGenerator) -> String {
        let count = Int.random(in: 0...14, using: &generator)
        var text = (0..<count).map { _ in ["a\n", "b\n", "c\n", "}\n"].randomElement(using: &generator)! }.joined()
        if Bool.random(using: &generator), !text.isEmpty { text.removeLast() }
        return text
    }

    /// The length of a longest common subsequence of the lines, by dynamic programming.
    static func lcsLength(_ old: [Int], _ new: [Int]) -> Int {
        var table = [[Int]](repeating: [Int](repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in old.indices.reversed() {
            for j in new.indices.reversed() {
                table[i][j] = old[i] == new[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        return table[0][0]
    }

    /// The number of deleted and inserted lines in a diff.
    static func changeCount(_ diff: String) -> Int {
        diff.split(separator: "\n").dropFirst(2).filter { $0.first == "-" || $0.first == "+" }.count
    }

    @Test func randomDiffsApplyAndAreShortest() {
        var generator = SeededGenerator(state: 42)
        for _ in 0..<2_000 {
            let old = Self.randomText(&generator)
            let new = Self.randomText(&generator)
            let context = Int.random(in: 0...3, using: &generator)
            let text = UnifiedDiff.diff(old: old, new: new, oldName: "f", newName: "f", context: context)
            #expect(PatchApplier.apply(text, to: old) == new, "\(old.debugDescription) -> \(new.debugDescription)")
            let numbers = DiffLines.identifiers(DiffLines(old), DiffLines(new))
            let shortest = numbers.old.count + numbers.new.count - 2 * Self.lcsLength(numbers.old, numbers.new)
            #expect(Self.changeCount(text) == shortest, "\(old.debugDescription) -> \(new.debugDescription)")
        }
    }

    @Test func matchesAreIncreasingEqualPairs() {
        var generator = SeededGenerator(state: 7)
        for _ in 0..<500 {
            let old = (0..<Int.random(in: 0...30, using: &generator)).map { _ in Int.random(in: 0...4, using: &generator) }
            let new = (0..<Int.random(in: 0...30, using: &generator)).map { _ in Int.random(in: 0...4, using: &generator) }
            let matches = LineMatcher().matches(old: old, new: new)
            #expect(matches.allSatisfy { old[$0.old] == new[$0.new] })
            #expect(zip(matches, matches.dropFirst()).allSatisfy { $0.old < $1.old && $0.new < $1.new })
            #expect(matches.count == Self.lcsLength(old, new))
        }
    }

    @Test func pastTheCostLimitTheDiffStillApplies() {
        var generator = SeededGenerator(state: 9)
        let cheap = LineMatcher(costLimit: 1)
        var longerThanShortest = 0
        for _ in 0..<500 {
            let old = (0..<60).map { _ in ["a\n", "b\n", "c\n"].randomElement(using: &generator)! }.joined()
            let new = (0..<60).map { _ in ["a\n", "b\n", "c\n"].randomElement(using: &generator)! }.joined()
            let text = UnifiedDiff.diff(old: old, new: new, oldName: "f", newName: "f", context: 3, matcher: cheap)
            #expect(PatchApplier.apply(text, to: old) == new)
            let exact = UnifiedDiff.diff(old: old, new: new, oldName: "f", newName: "f")
            if Self.changeCount(text) > Self.changeCount(exact) { longerThanShortest += 1 }
        }
        // The limit really was reached: some diffs are longer than the shortest.
        #expect(longerThanShortest > 0)
    }
}
