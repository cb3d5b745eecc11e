/// A random valid destination file, from a seed: named types, queries, requests and events whose
/// bodies mix every field type, nested objects and arrays of them, references to the named types,
/// required and optional members, Swift names. The same seed gives the same text.
struct RandomSpec {
    private var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    /// SplitMix64: small, fast and the same on every platform.
    private mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }

    /// The destination file's text; `notes` is the text of every row's notes.
    mutating func destination(notes: String = "Some notes") -> String {
        var text = "destination: rnd\ntitle: Random\nsummary: A random destination.\ninitQuery: rnd.query.init\n"
        text += "types:\n"
        for index in 0..<2 {
            text += "  - name: Shape\(index)\n    summary: \(notes).\n    type: object\n    properties:\n"
            text += "      - {key: id, type: string, notes: \(notes)}\n      - {key: size, type: integer, required: false, notes: \(notes)}\n"
        }
        text += "messages:\n"
        let count = 1 + next(6)
        for index in 0..<count {
            let kind = index == 0 ? "query" : ["request", "event", "query"][next(3)]
            let name = index == 0 ? "rnd.query.init" : "rnd.\(kind).m\(index)"
            text += "  - name: \(name)\n    kind: \(kind)\n    summary: \(notes).\n    header:\n"
            text += "      - {key: type, notes: \(notes)}\n      - {key: name, notes: \(notes)}\n      - {key: target, notes: \(notes)}\n"
            if kind != "event" { text += "      - {key: requestId, notes: \(notes)}\n" }
            text += "    body:" + fields(depth: 0, indent: "      ", notes: notes)
            if kind != "event" {
                text += "    response:\n      header:\n"
                for key in ["type", "name", "target", "requestId", "result", "errorMessage"] {
                    text += "        - {key: \(key), notes: \(notes)}\n"
                }
                text += "      body:" + fields(depth: 0, indent: "        ", notes: notes)
            }
        }
        return text
    }

    /// ` []` or a block of up to five fields, each on its own lines below `indent`.
    private mutating func fields(depth: Int, indent: String, notes: String) -> String {
        let count = next(depth == 0 ? 6 : 4)
        guard count > 0 else { return " []\n" }
        var text = "\n"
        for index in 0..<count {
            text += "\(indent)- key: f\(depth)x\(index)\n"
            if next(4) == 0 { text += "\(indent)  swiftName: renamed\(depth)x\(index)\n" }
            text += type(depth: depth, indent: indent + "  ", notes: notes)
            if next(3) == 0 { text += "\(indent)  required: false\n" }
            text += "\(indent)  notes: \(notes)\n"
        }
        return text
    }

    /// A field's `type:` lines (and `values:`, `properties:` or `items:`).
    private mutating func type(depth: Int, indent: String, notes: String) -> String {
        let choice = depth >= 2 ? next(7) : next(12)
        switch choice {
        case 10: return "\(indent)type: Shape\(next(2))\n"
        case 11: return "\(indent)type: array\n\(indent)items: {type: Shape\(next(2))}\n"
        case 0: return "\(indent)type: string\n"
        case 1: return "\(indent)type: boolean\n"
        case 2: return "\(indent)type: integer\n"
        case 3: return "\(indent)type: number\n"
        case 4: return "\(indent)type: guid\n"
        case 5: return "\(indent)type: enum\n\(indent)values: [ALPHA, BETA\(next(2) == 0 ? ", GAMMA" : "")]\n"
        case 6: return "\(indent)type: json\n"
        case 7:
            let members = fields(depth: depth + 1, indent: indent + "  ", notes: notes)
            return members == " []\n" ? "\(indent)type: string\n" : "\(indent)type: object\n\(indent)properties:" + members
        case 8: return "\(indent)type: array\n\(indent)items: {type: string}\n"
        default:
            let members = fields(depth: depth + 1, indent: indent + "    ", notes: notes)
            guard members != " []\n" else { return "\(indent)type: map\n\(indent)values: {type: integer}\n" }
            return "\(indent)type: array\n\(indent)items:\n\(indent)  type: object\n\(indent)  properties:" + members
        }
    }
}
