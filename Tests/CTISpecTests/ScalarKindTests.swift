@testable import CTISpec
import Testing
import Yams

/// The loader resolves untagged scalars itself; it must decide exactly as Yams' default resolver
/// (the regular expressions the spec format was defined with) does.
@Suite struct ScalarKindTests {
    /// Every text of up to three characters from an alphabet that exercises each pattern, and
    /// words and edge cases the patterns name.
    static let texts: [String] = {
        let alphabet = ["0", "1", "6", "8", "9", "a", "b", "e", "E", "o", "x", "_", ".", ":", "-", "+", "\n"]
        var texts = [""]
        var shorter = [""]
        for _ in 1...3 {
            shorter = shorter.flatMap { prefix in alphabet.map { prefix + $0 } }
            texts += shorter
        }
        return texts + [
            "yes", "Yes", "YES", "yEs", "no", "NO", "true", "True", "TRUE", "tRue", "false", "on", "On", "OFF", "y", "n",
            "~", "null", "Null", "NULL", "nULL", "0b101", "-0b1_0", "0b", "0o17", "0o", "0o8", "017", "018", "08", "0x1F",
            "0xg", "+0x_", "1_000", "-12", "+5", "190:20:30", "1:60", "1:5", "1:", "12:34:", ".inf", "-.Inf", "+.INF",
            ".nan", "-.nan", ".NaN", "1.5", "1.", "-1.5e10", "1e5", "1E+5", "1e", "1e+", ".5", ".5e+3", ".5e3", "._",
            "190:20:30.15", "1:2.", "1:2:3.x", "2001-12-14", "<<", "=", "true\n", "true\r\n", "12\r", "null\u{2028}",
            "\u{85}", "true\n\n", "1_", "_1", "1__2", "0_", "-0", "+0", "0.0", "12 ", " 12", "é", "1\u{0B}", "~\u{0C}",
        ]
    }()

    @Test func agreesWithYamsDefaultResolver() {
        for text in Self.texts {
            let expected: ScalarKind =
                switch Resolver.default.resolveTag(of: Node(text)) {
                case .null: .null
                case .bool: .bool
                case .int: .int
                case .float: .float
                default: .other
                }
            #expect(ScalarKind(resolving: text) == expected, "\(text.debugDescription)")
        }
    }

    /// An explicit tag decides, and Yams tags a quoted scalar as a string.
    @Test func anExplicitTagWins() throws {
        let root = try #require(try YAMLReader.compose("[!!str true, !!int x, ! 12, 12, \"12\", ~]"))
        let kinds = try #require(root.sequence).map { node in node.scalar.map(ScalarKind.init) }
        #expect(kinds == [.other, .int, .other, .int, .other, .null])
    }
}
