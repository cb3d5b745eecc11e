/// How spec names become Swift names. ``SwiftNameChecker`` and the translators share these rules, so a
/// collision the checker reports is exactly one the generated code would have.
enum SwiftNaming {
    /// Words that need backticks to be used as a property name.
    static let keywords: Set<String> = [
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate", "func",
        "import", "init", "inout", "internal", "let", "nonisolated", "open", "operator", "private",
        "precedencegroup", "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias", "var",
        "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if",
        "in", "repeat", "return", "throw", "switch", "where", "while", "Any", "as", "await", "false", "is", "nil",
        "self", "Self", "super", "throws", "true", "try", "_",
    ]

    /// Type names a generated type may not take: they mean something else after a dot (`X.Type`,
    /// `X.Protocol`), or would hide the modules generated code names its types by (`Swift.String`,
    /// `CTIRuntime.JSONObject`). Every other name is safe, because generated code qualifies the types
    /// it uses.
    static let reservedTypeNames: Set<String> = ["Type", "Protocol", "Self", "Any", "Swift", "CTIRuntime"]

    /// Property names generated code declares or uses on every object (the runtime's `json`, the
    /// `reader` and `writer` of reading and writing), or that cannot be a property even with backticks
    /// (`x.self`, `x.init`, `x.Type`).
    static let reservedPropertyNames: Set<String> = [
        "unknownFields", "json", "jsonObject", "reader", "writer", "self", "Self", "init", "Type", "Protocol", "_",
    ]

    /// Splits a spec name into words: runs of ASCII letters and digits, split at any other character.
    static func words(_ name: String) -> [String] {
        var words: [String] = []
        var current = ""
        for scalar in name.unicodeScalars {
            if isASCIILetter(scalar) || isASCIIDigit(scalar) {
                current.unicodeScalars.append(scalar)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// A lowerCamelCase property name for a wire key (`mobileagent-mode` -> `mobileagentMode`,
    /// `MaxEmails` -> `maxEmails`, `URLPath` -> `urlPath`). Not escaped; see ``escaped(_:)``.
    static func propertyName(_ name: String) -> String {
        let parts = words(name)
        guard let first = parts.first else { return "field" }
        let camel = lowercasingLeadingCapitals(first) + parts.dropFirst().map(capitalizingWord).joined()
        return camel.first!.isNumber ? "_" + camel : camel
    }

    /// An UpperCamelCase type name (`channel group` -> `ChannelGroup`). `type`, which Swift keeps for
    /// metatypes, becomes `Kind` (a member `type` declares `var type: Kind`); another reserved name
    /// gets the suffix `Value`, a name starting with a digit the prefix `Value` (`3d-mode` ->
    /// `Value3dMode`).
    static func typeName(_ name: String) -> String {
        let parts = words(name)
        guard !parts.isEmpty else { return "Value" }
        let camel = parts.map(capitalizingWord).joined()
        // `_3dMode` is taken by the property, so a type name gets a word in front of a digit.
        let safe = camel.first!.isNumber ? "Value" + camel : camel
        if safe == "Type" { return "Kind" }
        return reservedTypeNames.contains(safe) ? safe + "Value" : safe
    }

    /// The name of an array's element type: the array's name made singular (`labels` -> `Label`)
    /// when it ends in a plain plural `s`, otherwise the name with `Item` (`teamStatus` -> `TeamStatusItem`).
    static func elementTypeName(_ arrayName: String) -> String {
        let base = typeName(arrayName)
        let pluralS = base.count > 1 && base.hasSuffix("s") && !["ss", "us", "is"].contains { base.hasSuffix($0) }
        return pluralS ? typeName(String(base.dropLast())) : base + "Item"
    }

    /// The name wrapped in backticks when it is a keyword.
    static func escaped(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }

    /// Whether `name` is a valid Swift identifier made of ASCII letters, digits and underscores.
    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, !isASCIIDigit(first) else { return false }
        return name.unicodeScalars.allSatisfy { isASCIILetter($0) || $0 == "_" || isASCIIDigit($0) }
    }

    /// `A`-`Z` and `a`-`z`: the alphabetic ASCII scalars.
    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    private static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar)
    }

    private static func capitalizingFirst(_ word: String) -> String {
        word.prefix(1).uppercased() + word.dropFirst()
    }

    /// A word after the first: `mode` -> `Mode`, `READY` -> `Ready` (a shouting word of an enum
    /// value or constant reads as a word), `dialNumber` -> `DialNumber`. Words are ASCII (see ``words(_:)``).
    private static func capitalizingWord(_ word: String) -> String {
        let isShouting = word.count > 1 && word.unicodeScalars.allSatisfy { !("a"..."z").contains($0) }
        return isShouting ? word.prefix(1) + word.dropFirst().lowercased() : capitalizingFirst(word)
    }

    /// `Max` -> `max`, `URL` -> `url`, `URLPath` -> `urlPath`, `iOS` -> `iOS`. Words are ASCII (see ``words(_:)``).
    private static func lowercasingLeadingCapitals(_ word: String) -> String {
        let scalars = Array(word.unicodeScalars)
        var upper = 0
        while upper < scalars.count, ("A"..."Z").contains(scalars[upper]) { upper += 1 }
        if upper == 0 { return word }
        // Keep the last capital of a run when a lower-case letter follows it: it starts the next word.
        let cut = upper > 1 && upper < scalars.count ? upper - 1 : upper
        return String(String.UnicodeScalarView(scalars[..<cut])).lowercased()
            + String(String.UnicodeScalarView(scalars[cut...]))
    }
}
