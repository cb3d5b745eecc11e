/// How spec names become Swift names. The checker and the generator share these rules, so a
/// collision the checker reports is exactly one the generated code would have.
public enum SwiftNaming {
    /// Words that need backticks to be used as a property name.
    public static let keywords: Set<String> = [
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate", "func",
        "import", "init", "inout", "internal", "let", "nonisolated", "open", "operator", "private",
        "precedencegroup", "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias", "var",
        "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for", "guard", "if",
        "in", "repeat", "return", "throw", "switch", "where", "while", "Any", "as", "await", "false", "is", "nil",
        "self", "Self", "super", "throws", "true", "try", "_",
    ]

    /// Type names a generated nested type may not take: they would shadow a type the generated
    /// code uses, or mean something else after a dot (`X.Type`, `X.Protocol`).
    public static let reservedTypeNames: Set<String> = [
        "Type", "Protocol", "Self", "Any", "AnyObject", "String", "Bool", "Int", "Double", "Array", "Dictionary",
        "Optional", "Error", "Never", "Void", "Codable", "Decodable", "Encodable", "Hashable",
        "Equatable", "Sendable", "Decoder", "Encoder", "CodingKey", "CodingKeys", "Set", "Character",
        "Response", "Body", "JSONValue", "JSONObject", "RequestID", "GUID", "ValidationIssue", "Envelope",
    ]

    /// Splits a spec name into words: runs of ASCII letters and digits, split at any other character.
    public static func words(_ name: String) -> [String] {
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
    public static func propertyName(_ name: String) -> String {
        let parts = words(name)
        guard let first = parts.first else { return "field" }
        let camel = lowercasingLeadingCapitals(first) + parts.dropFirst().map(capitalizingWord).joined()
        return camel.first!.isNumber ? "_" + camel : camel
    }

    /// An UpperCamelCase type name (`channel group` -> `ChannelGroup`); a reserved name gets the
    /// suffix `Value`, a name starting with a digit the prefix `Value` (`3d-mode` -> `Value3dMode`).
    public static func typeName(_ name: String) -> String {
        let parts = words(name)
        guard !parts.isEmpty else { return "Value" }
        let camel = parts.map(capitalizingWord).joined()
        // `_3dMode` is taken by the property, so a type name gets a word in front of a digit.
        let safe = camel.first!.isNumber ? "Value" + camel : camel
        return reservedTypeNames.contains(safe) ? safe + "Value" : safe
    }

    /// The name of an array's element type: the array's name made singular (`labels` -> `Label`)
    /// when it ends in a plain plural `s`, otherwise the name with `Item` (`teamStatus` -> `TeamStatusItem`).
    public static func elementTypeName(_ arrayName: String) -> String {
        let base = typeName(arrayName)
        let pluralS = base.count > 1 && base.hasSuffix("s") && !["ss", "us", "is"].contains { base.hasSuffix($0) }
        return pluralS ? typeName(String(base.dropLast())) : base + "Item"
    }

    /// The name wrapped in backticks when it is a keyword.
    public static func escaped(_ name: String) -> String {
        keywords.contains(name) ? "`\(name)`" : name
    }

    /// Whether `name` is a valid Swift identifier made of ASCII letters, digits and underscores.
    public static func isIdentifier(_ name: String) -> Bool {
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

extension Message {
    /// The Swift type name: the base name followed by the kind (`CreateChannelGroupRequest`).
    public func swiftTypeName(in destination: Destination) -> String {
        let suffix = kind.rawValue.prefix(1).uppercased() + kind.rawValue.dropFirst()
        let base = swiftBaseName(in: destination)
        return base.hasSuffix(suffix) ? base : base + suffix
    }

    /// The Swift type name of the response (`CreateChannelGroupResponse`).
    public func swiftResponseTypeName(in destination: Destination) -> String {
        swiftBaseName(in: destination) + "Response"
    }

    /// The base of the type name: `swiftName`, or the wire name without the destination and kind segments.
    public func swiftBaseName(in destination: Destination) -> String {
        if let swiftName { return SwiftNaming.typeName(swiftName) }
        var segments = (name ?? "").split(separator: ".").map(String.init)
        if segments.first == destination.name { segments.removeFirst() }
        if segments.count > 1, segments.first == kind.rawValue { segments.removeFirst() }
        return SwiftNaming.typeName(segments.joined(separator: " "))
    }
}

extension Destination {
    /// The Swift namespace: `swiftName`, or the destination's name capitalised.
    public var swiftNamespace: String { SwiftNaming.typeName(swiftName ?? name) }
}

extension Field {
    /// The nested type this field declares, if any: an object or enum, directly or as the element
    /// of arrays and maps. A direct one is named after the property (`Properties`), an element after
    /// the collection made singular (`labels` -> `Label`).
    public var declaredType: (name: String, type: FieldType)? {
        var type = type
        var isElement = false
        while true {
            switch type {
            case .array(let element), .map(let element):
                type = element
                isElement = true
            case .object, .enumeration:
                return (isElement ? SwiftNaming.elementTypeName(swiftPropertyName) : swiftTypeName, type)
            default:
                return nil
            }
        }
    }
}
