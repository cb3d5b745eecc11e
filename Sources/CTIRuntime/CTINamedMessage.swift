/// A message whose wire name belongs to its type: a query, a request or an event. Reading one checks
/// `header.name` against ``name``, and writing one puts it there.
public protocol CTINamedMessage: CTIBodyMessage {
    /// The wire name (`header.name`).
    static var name: String { get }
}

extension CTINamedMessage {
    @inlinable
    public init?(envelope: Envelope, issues: inout [ValidationIssue]) {
        self.init(envelope: envelope, messageName: Self.name, issues: &issues)
    }

    @inlinable
    public func envelope(issues: inout [ValidationIssue]) -> Envelope {
        envelope(messageName: Self.name, issues: &issues)
    }
}
