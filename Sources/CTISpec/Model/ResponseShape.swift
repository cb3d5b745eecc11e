/// What the protocol file says about answering: which header fields a response echoes from the
/// message it answers, and which field and values say SUCCESS or FAILURE (from the rule that makes
/// a FAILURE carry its message). The generator builds response headers from it, and `cti-bridge`
/// checks answers with it.
public struct ResponseShape: Sendable {
    /// The answering kind.
    public let kind: MessageKind
    /// Header fields copied from the answered message (`target`, `requestId`), in the response kind's order.
    public let echoed: [Field]
    /// The field holding the outcome (`result`).
    public let status: Field
    /// The outcome value of a success (`SUCCESS`).
    public let successValue: String
    /// The outcome value of a failure (`FAILURE`).
    public let failureValue: String
    /// The field a failure must carry (`errorMessage`).
    public let message: Field

    /// The shape of the kind that answers `kind`, or nil when the spec does not define one.
    public init?(answering kind: MessageKind, in protocolDefinition: ProtocolDefinition) {
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
    public static func isStored(_ field: Field) -> Bool {
        field.type != .wireType && field.type != .messageName
    }
}
