import Foundation

/// A strict lexer for the Swift the generator emits: it splits a file into tokens and reports
/// everything that hostile spec text could use to escape a comment or a string literal.
///
/// The renderer writes a narrow subset of Swift, so the rules are strict on purpose:
/// - a comment is a line comment (`//` or `///`) whose text holds no control, format (bidi
///   overrides included) or line-separator characters; a block comment (`/*`) is a finding;
/// - a string literal is single-line `"..."` with only the escapes `\\ \" \n \r \t \0 \'
///   \u{...}` (and interpolation `\(...)`), closed on its line; or a raw literal, `#"..."#` on one
///   line or `#"""` with its lines and a closing `"""#` on a line of its own, holding printable
///   ASCII only and no escape at all (`\#`); a plain multi-line literal (`"""`) is a finding;
/// - outside comments and literals every character is printable ASCII or a space;
/// - `()`, `[]` and `{}` balance, and every backticked identifier holds a plain identifier.
///
/// It is shared by the generator-safety unit tests and the spec fuzz target (which links this
/// same file through a symbolic link).
struct GeneratedSwiftScanner {
    enum Token: Hashable, CustomStringConvertible {
        /// An identifier or keyword, backticks included (`` `default` ``).
        case word(String)
        case number(String)
        /// A string literal's value, its escapes resolved (interpolations kept as `\(...)` text); a
        /// raw literal's text as it is (a multi-line one's lines without their indentation).
        case string(String)
        case punctuation(Character)
        /// A comment's text after `//` (`/ note` for a doc comment).
        case comment(String)

        var description: String {
            switch self {
            case .word(let text), .number(let text): text
            case .string(let value): "\"" + value + "\""
            case .punctuation(let character): String(character)
            case .comment(let text): "//" + text
            }
        }
    }

    struct Finding: Hashable, CustomStringConvertible {
        var line: Int
        var message: String
        var description: String { "line \(line): \(message)" }
    }

    private(set) var tokens: [Token] = []
    private(set) var findings: [Finding] = []

    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var line = 1
    private var brackets: [(Unicode.Scalar, Int)] = []

    /// Scans `text`.
    init(_ text: String) {
        scalars = Array(text.unicodeScalars)
        scanCode(untilInterpolationEnds: false)
        for (open, openedAt) in brackets { finding("'\(open)' opened here is never closed", at: openedAt) }
    }

    /// The tokens with every comment and every string literal's value dropped: what the compiler
    /// sees of the file's structure.
    var skeleton: [Token] {
        tokens.compactMap { token in
            switch token {
            case .comment: nil
            case .string: .string("")
            default: token
            }
        }
    }

    // MARK: Scanning

    private var current: Unicode.Scalar? { position < scalars.count ? scalars[position] : nil }
    private func peek(_ offset: Int) -> Unicode.Scalar? {
        position + offset < scalars.count ? scalars[position + offset] : nil
    }

    private mutating func finding(_ message: String, at line: Int? = nil) {
        findings.append(Finding(line: line ?? self.line, message: message))
    }

    private static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
    }

    private static func isIdentifierPart(_ scalar: Unicode.Scalar) -> Bool {
        isIdentifierStart(scalar) || ("0"..."9").contains(scalar)
    }

    /// Scans code until the end, or (inside an interpolation) until its closing parenthesis.
    private mutating func scanCode(untilInterpolationEnds: Bool) {
        var depth = 0
        while let scalar = current {
            switch scalar {
            case "\n":
                line += 1
                position += 1
            case " ":
                position += 1
            case "/" where peek(1) == "/":
                scanLineComment()
            case "/" where peek(1) == "*":
                finding("a block comment: the renderer writes only line comments")
                position += 2
            case "\"":
                scanStringLiteral()
            case "#" where peek(1) == "\"" || peek(1) == "#":
                scanRawStringLiteral()
            case "`":
                scanBacktickedIdentifier()
            case "(", "[", "{":
                if scalar == "(" { depth += 1 }
                brackets.append((scalar, line))
                tokens.append(.punctuation(Character(scalar)))
                position += 1
            case ")", "]", "}":
                if untilInterpolationEnds, scalar == ")", depth == 0 {
                    position += 1
                    return
                }
                if scalar == ")" { depth -= 1 }
                let expected: Unicode.Scalar = scalar == ")" ? "(" : scalar == "]" ? "[" : "{"
                if let (open, _) = brackets.last, open == expected {
                    brackets.removeLast()
                } else {
                    finding("'\(scalar)' closes nothing that is open")
                }
                tokens.append(.punctuation(Character(scalar)))
                position += 1
            case _ where Self.isIdentifierStart(scalar) || scalar == "#" || scalar == "@" || scalar == "$":
                let start = position
                position += 1
                while let next = current, Self.isIdentifierPart(next) { position += 1 }
                tokens.append(.word(String(String.UnicodeScalarView(scalars[start..<position]))))
            case "0"..."9":
                let start = position
                while let next = current, Self.isIdentifierPart(next) || next == "." && peek(1).map({ ("0"..."9").contains($0) }) == true {
                    position += 1
                }
                tokens.append(.number(String(String.UnicodeScalarView(scalars[start..<position]))))
            case "!"..."~":
                tokens.append(.punctuation(Character(scalar)))
                position += 1
            default:
                finding("U+\(String(scalar.value, radix: 16, uppercase: true)) outside a comment or string literal")
                position += 1
            }
        }
        if untilInterpolationEnds { finding("an interpolation is never closed") }
    }

    private mutating func scanLineComment() {
        position += 2
        var text = String.UnicodeScalarView()
        while let scalar = current, scalar != "\n" {
            let category = scalar.properties.generalCategory
            if category == .control || category == .format || category == .lineSeparator || category == .paragraphSeparator {
                finding("U+\(String(scalar.value, radix: 16, uppercase: true)) inside a comment")
            }
            text.append(scalar)
            position += 1
        }
        tokens.append(.comment(String(text)))
    }

    private mutating func scanStringLiteral() {
        if peek(1) == "\"", peek(2) == "\"" {
            finding("a multi-line string literal: the renderer never writes one")
        }
        let openedAt = line
        position += 1
        var value = String.UnicodeScalarView()
        while true {
            guard let scalar = current, scalar != "\n" else {
                finding("a string literal is not closed on its line", at: openedAt)
                tokens.append(.string(String(value)))
                return
            }
            position += 1
            switch scalar {
            case "\"":
                tokens.append(.string(String(value)))
                return
            case "\\":
                scanEscape(into: &value)
            default:
                if scalar.properties.generalCategory == .control {
                    finding("U+\(String(scalar.value, radix: 16, uppercase: true)) unescaped in a string literal")
                }
                value.append(scalar)
            }
        }
    }

    /// `#"..."#` or `#"""` lines `"""#`, with as many `#` on each side.
    private mutating func scanRawStringLiteral() {
        let openedAt = line
        var hashes = 0
        while current == "#" {
            hashes += 1
            position += 1
        }
        guard current == "\"" else {
            finding("'#' that does not open a raw string literal")
            return
        }
        let closing = "\"" + String(repeating: "#", count: hashes)
        if peek(1) == "\"", peek(2) == "\"" {
            position += 3
            guard current == "\n" else {
                finding("text after a multi-line raw literal's opening delimiter")
                return
            }
            var lines: [String] = []
            while true {
                position += 1
                line += 1
                let start = position
                while let scalar = current, scalar != "\n" { position += 1 }
                let text = String(String.UnicodeScalarView(scalars[start..<position]))
                if text.trimmingCharacters(in: .whitespaces) == "\"\"" + closing {
                    let indent = text.prefix { $0 == " " }.count
                    tokens.append(.string(lines.map { String($0.dropFirst(Swift.min(indent, $0.prefix { $0 == " " }.count))) }.joined(separator: "\n")))
                    return
                }
                checkRaw(text, hashes: hashes)
                lines.append(text)
                guard current == "\n" else {
                    finding("a multi-line raw literal is never closed", at: openedAt)
                    return
                }
            }
        }
        position += 1
        let start = position
        while let scalar = current, scalar != "\n" {
            if scalar == "\"", String(String.UnicodeScalarView(scalars[position..<Swift.min(position + closing.unicodeScalars.count, scalars.count)])) == closing {
                let text = String(String.UnicodeScalarView(scalars[start..<position]))
                checkRaw(text, hashes: hashes)
                tokens.append(.string(text))
                position += closing.unicodeScalars.count
                return
            }
            position += 1
        }
        finding("a raw string literal is not closed on its line", at: openedAt)
    }

    /// A raw literal's text holds printable ASCII only and no escape.
    private mutating func checkRaw(_ text: String, hashes: Int) {
        if let bad = text.unicodeScalars.first(where: { !(" "..."~").contains($0) }) {
            finding("U+\(String(bad.value, radix: 16, uppercase: true)) in a raw string literal")
        }
        if text.contains("\\" + String(repeating: "#", count: hashes)) {
            finding("an escape in a raw string literal")
        }
    }

    private mutating func scanEscape(into value: inout String.UnicodeScalarView) {
        guard let next = current else { return }
        position += 1
        switch next {
        case "\\": value.append("\\")
        case "\"": value.append("\"")
        case "'": value.append("'")
        case "n": value.append("\n")
        case "r": value.append("\r")
        case "t": value.append("\t")
        case "0": value.append("\0")
        case "u":
            guard current == "{" else {
                finding("'\\u' without '{'")
                return
            }
            position += 1
            var hex = ""
            while let digit = current, digit != "}", hex.count <= 8 {
                hex.unicodeScalars.append(digit)
                position += 1
            }
            guard current == "}", (1...8).contains(hex.count), let code = UInt32(hex, radix: 16),
                let decoded = Unicode.Scalar(code)
            else {
                finding("an invalid \\u{\(hex)} escape")
                return
            }
            position += 1
            value.append(decoded)
        case "(":
            let start = position
            let outerBrackets = brackets
            brackets = []
            scanCode(untilInterpolationEnds: true)
            brackets = outerBrackets
            value.append(contentsOf: "\\(".unicodeScalars)
            value.append(contentsOf: scalars[start..<position])
        default:
            finding("an invalid escape '\\\(next)' in a string literal")
        }
    }

    private mutating func scanBacktickedIdentifier() {
        let start = position
        position += 1
        while let scalar = current, Self.isIdentifierPart(scalar) { position += 1 }
        guard current == "`", position > start + 1, Self.isIdentifierStart(scalars[start + 1]) else {
            finding("a backtick that does not enclose a plain identifier")
            return
        }
        position += 1
        tokens.append(.word(String(String.UnicodeScalarView(scalars[start..<position]))))
    }
}
