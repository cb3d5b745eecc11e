import Yams

extension YAMLReader {
    /// Reads a protocol file's root mapping.
    func protocolDefinition(_ root: Node) -> ProtocolDefinition? {
        guard
            let fields = mapping(
                root, "the protocol file", allowed: ["protocol", "summary", "framing", "kinds", "rules"],
                required: ["protocol", "framing", "kinds"])
        else { return nil }
        let name = fields["protocol"].flatMap { self.name($0, "the protocol's name") }
        let summary = fields["summary"].flatMap { string($0, "the protocol's summary") } ?? ""
        let framing = fields["framing"].flatMap(framing)
        let kinds = fields["kinds"].flatMap { sequence($0, "kinds") }?.compactMap(kind) ?? []
        let rules = fields["rules"].flatMap { sequence($0, "rules") }?.compactMap(rule) ?? []
        guard let name, let framing else { return nil }
        return ProtocolDefinition(
            name: name, summary: summary, framing: framing, kinds: kinds, rules: rules, file: file,
            location: fields.location)
    }

    private func framing(_ node: Node) -> Framing? {
        let keys = ["lengthPrefixBytes", "byteOrder", "encoding", "maxFrameBytes"]
        guard let fields = mapping(node, "framing", allowed: keys, required: keys) else { return nil }
        let prefix = fields["lengthPrefixBytes"].flatMap { integer($0, "lengthPrefixBytes") }
        if let prefix, prefix != 4, let node = fields["lengthPrefixBytes"] {
            error("lengthPrefixBytes must be 4 (the protocol's frames start with a 4-byte length)", at: node)
        }
        let byteOrder = fields["byteOrder"].flatMap { oneOf($0, "byteOrder", ["big-endian", "little-endian"]) }
        let encoding = fields["encoding"].flatMap { oneOf($0, "encoding", ["utf-8"]) }
        let maxFrameBytes = fields["maxFrameBytes"].flatMap { integer($0, "maxFrameBytes") }
        if let maxFrameBytes, !(1...Int(UInt32.max)).contains(maxFrameBytes), let node = fields["maxFrameBytes"] {
            error("maxFrameBytes must be between 1 and \(UInt32.max) (what a 4-byte length can say)", at: node)
        }
        guard let prefix, let byteOrder, let encoding, let maxFrameBytes else { return nil }
        return Framing(lengthPrefixBytes: prefix, byteOrder: byteOrder, encoding: encoding, maxFrameBytes: maxFrameBytes)
    }

    private func kind(_ node: Node) -> MessageKind? {
        guard
            let fields = mapping(
                node, "a kind", allowed: ["kind", "wireType", "sender", "answeredBy", "summary", "header"],
                required: ["kind", "wireType", "sender", "header"])
        else { return nil }
        let ids = MessageKind.ID.allCases.map(\.rawValue)
        let id = fields["kind"].flatMap { oneOf($0, "a kind", ids) }.flatMap(MessageKind.ID.init(rawValue:))
        let wireType = fields["wireType"].flatMap { name($0, "a kind's wireType") }
        let senders = MessageKind.Sender.allCases.map(\.rawValue)
        let sender = fields["sender"].flatMap { oneOf($0, "a kind's sender", senders) }
            .flatMap(MessageKind.Sender.init(rawValue:))
        let answeredBy = fields["answeredBy"].flatMap { oneOf($0, "answeredBy", ids) }
            .flatMap(MessageKind.ID.init(rawValue:))
        let summary = fields["summary"].flatMap { string($0, "a kind's summary") } ?? ""
        let header = fields["header"].map { self.fields($0, "a kind's header", header: true) } ?? []
        guard let id, let wireType, let sender else { return nil }
        return MessageKind(
            id: id, wireType: wireType, sender: sender, answeredBy: answeredBy, summary: summary, header: header,
            location: fields.location)
    }

    private func rule(_ node: Node) -> ProtocolRule? {
        guard
            let fields = mapping(
                node, "a rule", allowed: ["id", "summary", "when", "require"], required: ["id", "summary"])
        else { return nil }
        let id = fields["id"].flatMap { name($0, "a rule's id") }
        let summary = fields["summary"].flatMap { name($0, "a rule's summary") }
        let require = fields["require"].flatMap { name($0, "a rule's require") }
        var condition: ProtocolRule.Condition?
        if let when = fields["when"],
            let whenFields = mapping(when, "a rule's condition", allowed: ["key", "equals"], required: ["key", "equals"]),
            let key = whenFields["key"].flatMap({ name($0, "the condition's key") }),
            let equals = whenFields["equals"].flatMap({ name($0, "the condition's value") })
        {
            condition = .init(key: key, equals: equals)
        }
        if (condition == nil) != (require == nil), fields.has("when") || fields.has("require") {
            error("a rule needs both 'when' and 'require', or neither", at: fields.location)
        }
        guard let id, let summary else { return nil }
        return ProtocolRule(id: id, summary: summary, when: condition, require: require, location: fields.location)
    }
}
