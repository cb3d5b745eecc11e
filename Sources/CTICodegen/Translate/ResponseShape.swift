import CTISpec

/// What the protocol file says about answering: which header fields a response echoes from the
/// message it answers, and which field and values say SUCCESS or FAILURE (from the rule that makes
/// a FAILURE carry its message).
struct ResponseShape {
    /// The answering kind.
    let kind: MessageKind
    /// Header fields copied from the answered message (`target`, `requestId`), in the response kind's order.
    let echoed: [Field]
    /// The field holding the outcome (`result`).
    let status: Field
    /// The outcome value of a success (`SUCCESS`).
    let successValue: String
    /// The outcome value of a failure (`FAILURE`).
    let failureValue: String
    /// The field a failure must carry (`errorMessage`).
    let message: Field

    /// The shape of the kind that answers `kind`, or nil when the spec does not define one.
    init?(answering kind: MessageKind, in protocolDefinition: ProtocolDefinition) {
        guard let answeredBy = kind.answeredBy, let responseKind = protocolDefinition.kind(answeredBy) else { return nil }
        self.init(responseKind: responseKind, answering: kind, rules: protocolDefinition.rules)
    }

    private init?(responseKind: MessageKind, answering kind: MessageKind, rules: [ProtocolRule]) {
        for rule in rules {
            guard let condition = rule.when, let required = rule.require,
                let status = responseKind.headerField(condition.key), let message = responseKind.headerField(required),
                case .enumeration(let values) = status.type,
                let success = values.first(where: { $0 != condition.equals })
            else { continue }
            self.kind = responseKind
            self.status = status
            self.message = message
            self.failureValue = condition.equals
            self.successValue = success
            self.echoed = responseKind.header.filter { field in
                Self.isStored(field) && field.key != status.key && field.key != message.key
                    && kind.headerField(field.key) != nil
            }
            return
        }
        return nil
    }

    /// Whether a header field is a stored property (type and fixed names are not).
    static func isStored(_ field: Field) -> Bool {
        field.type != .wireType && field.type != .messageName
    }
}
