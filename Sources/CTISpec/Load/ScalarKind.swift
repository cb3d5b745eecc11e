import Yams

/// What a YAML scalar means: null, a boolean, an integer, a float, or anything else (text).
///
/// An untagged scalar is resolved from its text by the rules of Yams' default resolver (YAML 1.1:
/// `~`, `yes`, `0x1F`, `1_000`, `.inf`, ...), which the spec format has always used. The rules are
/// matched here on the UTF-8 bytes instead of through `NSRegularExpression`, which made resolving
/// tags half the cost of loading a spec; the loader composes with `Resolver.basic` so Yams runs no
/// regular expression at all.
enum ScalarKind: Equatable {
    case null, bool, int, float, other

    /// The kind of a scalar composed with `Resolver.basic`: its explicit tag, else the kind its text resolves to.
    ///
    /// Reads the tag as written, so it must not be asked of a mapping key (Yams resolves a key's tag
    /// to `str` when it checks the mapping for duplicate keys).
    init(_ scalar: Node.Scalar) {
        switch Tag.Name(rawValue: scalar.tag.description) {
        case .implicit: self.init(resolving: scalar.string)
        case .null: self = .null
        case .bool: self = .bool
        case .int: self = .int
        case .float: self = .float
        default: self = .other
        }
    }

    /// The kind of an untagged scalar's text, as Yams' default resolver decides it.
    ///
    /// Its patterns end in `$`, which also matches before one line break that ends the text, so the
    /// text without such a break is tried too (only a quoted scalar can end in one).
    init(resolving text: String) {
        // Most text starts with a byte no pattern starts with and does not end in a line break: decided at once.
        if let first = text.utf8.first, let last = text.utf8.last, !Self.mayStartResolvedText(first), !Self.mayEndLineBreak(last) {
            self = .other
            return
        }
        var text = text
        self = text.withUTF8 { Self.kind(of: $0[...]) }
    }

    private static func kind(of text: Bytes) -> ScalarKind {
        let trimmed = droppingFinalLineBreak(text)
        // Every pattern but the empty null starts with one of a few characters; most text is decided here.
        if let first = text.first, !mayStartResolvedText(first), trimmed?.isEmpty != true { return .other }
        for (kind, matches) in rules where matches(text) || trimmed.map(matches) == true { return kind }
        return .other
    }

    // MARK: The default resolver's rules, in its order (merge, timestamp and value resolve to text here)

    private typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    private static let rules: [(ScalarKind, @Sendable (Bytes) -> Bool)] = [(.bool, isBool), (.int, isInt), (.float, isFloat), (.null, isNull)]

    /// Whether a pattern other than the empty null can start with `byte`: a digit, a sign, a dot, `~`, or the
    /// first letter of a boolean or null word.
    private static func mayStartResolvedText(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "~"),
            UInt8(ascii: "y"), UInt8(ascii: "Y"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"),
            UInt8(ascii: "f"), UInt8(ascii: "F"), UInt8(ascii: "o"), UInt8(ascii: "O"):
            true
        default:
            false
        }
    }

    /// `yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF`
    private static func isBool(_ text: Bytes) -> Bool {
        boolWords.contains { text.elementsEqual($0) }
    }

    private static let boolWords: [[UInt8]] = ["yes", "no", "true", "false", "on", "off"].flatMap { word in
        [word, word.prefix(1).uppercased() + word.dropFirst(), word.uppercased()].map { Array($0.utf8) }
    }

    /// `[-+]?0b[0-1_]+`, `[-+]?0o?[0-7_]+`, `[-+]?(0|[1-9][0-9_]*)`, `[-+]?0x[0-9a-fA-F_]+`,
    /// `[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+`
    private static func isInt(_ text: Bytes) -> Bool {
        let body = droppingSign(text)
        if body.starts(with: "0b".utf8) { return body.count > 2 && body.dropFirst(2).allSatisfy { $0 == ascii("0") || $0 == ascii("1") || $0 == ascii("_") } }
        if body.starts(with: "0x".utf8) { return body.count > 2 && body.dropFirst(2).allSatisfy { isHexDigit($0) || $0 == ascii("_") } }
        if body.starts(with: "0o".utf8), body.count > 2, body.dropFirst(2).allSatisfy(isOctalDigitOrUnderscore) { return true }
        if body.first == ascii("0") { return body.count == 1 || body.dropFirst().allSatisfy(isOctalDigitOrUnderscore) }
        guard let first = body.first, isDigit(first) else { return false }
        let digits = body.prefix { isDigit($0) || $0 == ascii("_") }
        return digits.count == body.count || isSexagesimalTail(body[digits.endIndex...])
    }

    /// `[-+]?[0-9][0-9_]*(\.[0-9_]*)?([eE][-+]?[0-9]+)?`, `\.[0-9_]+([eE][-+][0-9]+)?`,
    /// `[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*`, `[-+]?\.(inf|Inf|INF)`, `\.(nan|NaN|NAN)`
    private static func isFloat(_ text: Bytes) -> Bool {
        if ["nan", "NaN", "NAN"].contains(where: { text.elementsEqual(".\($0)".utf8) }) { return true }
        let body = droppingSign(text)
        if ["inf", "Inf", "INF"].contains(where: { body.elementsEqual(".\($0)".utf8) }) { return true }
        if body.count == text.count, body.first == ascii("."), body.count > 1 {
            // `\.[0-9_]+([eE][-+][0-9]+)?`: the exponent's sign is required here.
            let fraction = body.dropFirst().prefix { isDigit($0) || $0 == ascii("_") }
            let exponent = body[fraction.endIndex...]
            if !fraction.isEmpty, exponent.isEmpty || isExponent(exponent, signRequired: true) { return true }
        }
        guard let first = body.first, isDigit(first) else { return false }
        let integer = body.prefix { isDigit($0) || $0 == ascii("_") }
        var rest = body[integer.endIndex...]
        if rest.first == ascii(":") {
            // `(:[0-5]?[0-9])+\.[0-9_]*`
            guard let dot = rest.firstIndex(of: ascii(".")), isSexagesimalTail(rest[..<dot]) else { return false }
            return rest[(dot + 1)...].allSatisfy { isDigit($0) || $0 == ascii("_") }
        }
        if rest.first == ascii(".") {
            rest = rest.dropFirst().drop { isDigit($0) || $0 == ascii("_") }
        }
        return rest.isEmpty || isExponent(rest, signRequired: false)
    }

    /// `~|null|Null|NULL|` (the empty text too)
    private static func isNull(_ text: Bytes) -> Bool {
        ["", "~", "null", "Null", "NULL"].contains { text.elementsEqual($0.utf8) }
    }

    // MARK: Pieces of the patterns

    /// `[eE]` then a sign (`[-+]`, or `[-+]?` unless `signRequired`) then `[0-9]+`.
    private static func isExponent(_ text: Bytes, signRequired: Bool) -> Bool {
        guard text.first == ascii("e") || text.first == ascii("E") else { return false }
        let signed = text.dropFirst()
        let digits = droppingSign(signed)
        if signRequired, digits.count == signed.count { return false }
        return !digits.isEmpty && digits.allSatisfy(isDigit)
    }

    /// `(:[0-5]?[0-9])+`
    private static func isSexagesimalTail(_ text: Bytes) -> Bool {
        let groups = text.split(separator: ascii(":"), omittingEmptySubsequences: false)
        guard text.first == ascii(":"), groups.count > 1, groups[0].isEmpty else { return false }
        return groups.dropFirst().allSatisfy { group in
            group.allSatisfy(isDigit)
                && (group.count == 1 || (group.count == 2 && group.first! >= ascii("0") && group.first! <= ascii("5")))
        }
    }

    private static func droppingSign(_ text: Bytes) -> Bytes {
        text.first == ascii("-") || text.first == ascii("+") ? text.dropFirst() : text
    }

    /// The text without one final line break as ICU counts them (`\n`, `\r\n`, `\r`, U+0085, U+2028,
    /// U+2029, and the vertical tab and form feed), or nil when it does not end in one.
    private static func droppingFinalLineBreak(_ text: Bytes) -> Bytes? {
        guard let last = text.last, mayEndLineBreak(last) else { return nil }
        let lineBreaks = ["\r\n", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]
        return lineBreaks.first { text.reversed().starts(with: $0.utf8.reversed()) }.map { text.dropLast($0.utf8.count) }
    }

    /// Whether a line break can end in `byte` (the last byte of each one's UTF-8).
    private static func mayEndLineBreak(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x0A...0x0D, 0x85, 0xA8, 0xA9: true
        default: false
        }
    }

    private static func ascii(_ character: Unicode.Scalar) -> UInt8 { UInt8(character.value) }
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= ascii("0") && byte <= ascii("9") }
    private static func isOctalDigitOrUnderscore(_ byte: UInt8) -> Bool { (byte >= ascii("0") && byte <= ascii("7")) || byte == ascii("_") }
    private static func isHexDigit(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= ascii("a") && byte <= ascii("f")) || (byte >= ascii("A") && byte <= ascii("F"))
    }
}
