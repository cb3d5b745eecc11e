import CTIRuntime

/// Random values for the property tests, drawn from any random number generator (the property
/// checker's seeded one, so a failure names a seed that reproduces it).
enum RandomJSON {
    /// Scalars chosen to stress escaping and byte-exact handling: JSON's specials, control
    /// characters, non-ASCII in several UTF-8 lengths, combining marks, scalars that are
    /// canonically equivalent to ASCII (KELVIN SIGN, GREEK QUESTION MARK), bidi overrides,
    /// line separators, a byte-order mark and the last scalar.
    static let awkwardScalars: [Unicode.Scalar] = [
        "\"", "\\", "/", "\u{0}", "\u{1}", "\u{8}", "\u{9}", "\u{A}", "\u{C}", "\u{D}", "\u{1F}", "\u{7F}",
        "\u{E9}", "e", "\u{301}", "\u{212A}", "K", "\u{37E}", ";", "\u{202E}", "\u{2028}", "\u{2029}", "\u{FEFF}",
        "\u{FFFD}", "\u{65E5}", "\u{1F600}", "\u{10FFFF}", "{", "}", "[", "]", ":", ",", " ", "*", "%",
    ]

    /// A short string of awkward and ordinary characters.
    static func string(_ rng: inout some RandomNumberGenerator, maxLength: Int = 16) -> String {
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...maxLength, using: &rng) {
            switch Int.random(in: 0..<4, using: &rng) {
            case 0: scalars.append(awkwardScalars.randomElement(using: &rng)!)
            case 1: scalars.append(Unicode.Scalar(UInt8.random(in: 0x20...0x7E, using: &rng)))
            case 2: scalars.append(Unicode.Scalar(UInt32.random(in: 0x80...0xD7FF, using: &rng))!)
            default: scalars.append(Unicode.Scalar(UInt32.random(in: 0xE000...0x10FFFF, using: &rng)) ?? "x")
            }
        }
        return String(scalars)
    }

    /// A GUID in one of the forms a bridge may send: either case in any mix, with or without braces.
    static func guid(_ rng: inout some RandomNumberGenerator) -> String {
        let digits = Array("0123456789abcdefABCDEF")
        var text = ""
        for (index, count) in [8, 4, 4, 4, 12].enumerated() {
            if index > 0 { text += "-" }
            for _ in 0..<count { text.append(digits.randomElement(using: &rng)!) }
        }
        return Bool.random(using: &rng) ? "{" + text + "}" : text
    }

    /// Text that is almost a GUID, or nothing like one.
    static func notAGUID(_ rng: inout some RandomNumberGenerator) -> String {
        let valid = guid(&rng)
        switch Int.random(in: 0..<4, using: &rng) {
        case 0: return String(valid.dropLast())
        case 1: return valid + "0"
        case 2: return "{" + valid.trimmingBraces() + ")"
        default: return string(&rng)
        }
    }

    /// A JSON number text that JSON allows, some of them beyond what `Int` or `Double` hold.
    static func number(_ rng: inout some RandomNumberGenerator) -> JSONValue {
        let texts = ["0", "-0", "1", "-1", "0.5", "1e3", "1E-7", "-12.50", "123456789012345678901234567890", "1.5e308", "4e-400"]
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: return .number(JSONNumber(Int.random(in: Int.min...Int.max, using: &rng)))
        case 1: return .number(JSONNumber(Int.random(in: -1000...1000, using: &rng)))
        default: return try! JSONParser().parse(texts.randomElement(using: &rng)!)
        }
    }

    /// Any JSON value, at most `depth` levels deep.
    static func value(_ rng: inout some RandomNumberGenerator, depth: Int = 3) -> JSONValue {
        switch Int.random(in: 0..<(depth > 0 ? 6 : 4), using: &rng) {
        case 0: return .null
        case 1: return .bool(Bool.random(using: &rng))
        case 2: return number(&rng)
        case 3: return .string(string(&rng))
        case 4: return .array((0..<Int.random(in: 0...3, using: &rng)).map { _ in value(&rng, depth: depth - 1) })
        default:
            var object = JSONObject()
            for _ in 0..<Int.random(in: 0...3, using: &rng) {
                let key = string(&rng, maxLength: 6)
                if object.index(forKey: key) == nil { object.append(key: key, value: value(&rng, depth: depth - 1)) }
            }
            return .object(object)
        }
    }

    /// A key no generated type defines (they never start with `x-`), distinct byte for byte from
    /// the keys of `object`.
    static func unknownKey(_ rng: inout some RandomNumberGenerator, avoiding object: JSONObject) -> String {
        while true {
            let key = "x-" + string(&rng, maxLength: 8)
            if object.index(forKey: key) == nil { return key }
        }
    }

    /// `object` with 0 to 3 unknown members appended.
    static func addingUnknownMembers(to object: JSONObject, _ rng: inout some RandomNumberGenerator) -> JSONObject {
        var result = object
        for _ in 0..<Int.random(in: 0...3, using: &rng) {
            result.append(key: unknownKey(&rng, avoiding: result), value: value(&rng, depth: 2))
        }
        return result
    }

    /// A value shaped like `example`: every leaf replaced by a random one of the same JSON kind
    /// (GUIDs by GUIDs), arrays resized from the example's elements, and unknown members added
    /// to every object.
    static func mutating(_ example: JSONValue, _ rng: inout some RandomNumberGenerator) -> JSONValue {
        switch example {
        case .null: return .null
        case .bool: return .bool(Bool.random(using: &rng))
        case .number: return .number(JSONNumber(Int.random(in: -100_000...100_000, using: &rng)))
        case .string(let text):
            if RequestID.isGUID(text) { return .string(guid(&rng)) }
            return .string(string(&rng))
        case .array(let items):
            guard !items.isEmpty else { return .array([]) }
            return .array((0..<Int.random(in: 0...3, using: &rng)).map { _ in mutating(items.randomElement(using: &rng)!, &rng) })
        case .object(let object):
            var result = JSONObject()
            for member in object { result.append(key: member.key, value: mutating(member.value, &rng)) }
            return .object(addingUnknownMembers(to: result, &rng))
        }
    }

    /// A random value shaped like `example` that `issues` accepts: where a random leaf is refused
    /// (a constant, a value from a closed set), the example's value at that place is put back,
    /// and a refused unknown member is removed.
    static func valid(
        like example: JSONValue, _ rng: inout some RandomNumberGenerator, issues: (JSONValue) -> [ValidationIssue]
    ) -> JSONValue {
        var candidate = mutating(example, &rng)
        for _ in 0..<10 {
            let problems = issues(candidate)
            if problems.isEmpty { return candidate }
            for problem in problems {
                candidate = candidate.repairing(at: problem.path[...], from: example)
            }
        }
        return example
    }
}

extension JSONValue {
    /// This value with the member or element at `path` replaced by what `example` holds at the
    /// corresponding place (element `i` of an array corresponds to the example's element `i`, or
    /// its last), or removed when the example has nothing there.
    func repairing(at path: ArraySlice<ValidationIssue.PathComponent>, from example: JSONValue?) -> JSONValue {
        guard let step = path.first else { return example ?? self }
        let rest = path.dropFirst()
        switch (self, step) {
        case (.object(var object), .key(let key)):
            guard let index = object.index(forKey: key) else { return self }
            let exampleChild = example?.objectValue?[key]
            if exampleChild == nil, rest.isEmpty {
                object.members.remove(at: index)
            } else {
                object.members[index].value = object.members[index].value.repairing(at: rest, from: exampleChild)
            }
            return .object(object)
        case (.array(var items), .index(let index)) where items.indices.contains(index):
            let exampleItems = example?.arrayValue ?? []
            let exampleChild = exampleItems.isEmpty ? nil : exampleItems[min(index, exampleItems.count - 1)]
            if exampleChild == nil, rest.isEmpty {
                items.remove(at: index)
            } else {
                items[index] = items[index].repairing(at: rest, from: exampleChild)
            }
            return .array(items)
        default:
            return example ?? self
        }
    }
}

extension String {
    func trimmingBraces() -> String {
        var text = Substring(self)
        if text.first == "{" { text = text.dropFirst() }
        if text.last == "}" { text = text.dropLast() }
        return String(text)
    }

    /// The UTF-8 bytes, for comparisons that must not merge canonically equivalent strings.
    var bytes: [UInt8] { Array(utf8) }
}
