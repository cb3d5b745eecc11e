/// An event the client sends: unsolicited, or caused by a request it carried out. No event may be
/// sent for a destination before its init query has been answered (see ``EventSender``).
public protocol CTIEvent: CTIBodyMessage where Header: CTIEventHeader {
    /// The wire name (`header.name`).
    static var name: String { get }
}

extension CTIEvent {
    /// The object the event concerns (`header.target`).
    @inlinable
    public var target: String { header.target }

    @inlinable
    public init?(envelope: Envelope, issues: inout [ValidationIssue]) {
        self.init(envelope: envelope, messageName: Self.name, issues: &issues)
    }

    @inlinable
    public func envelope(issues: inout [ValidationIssue]) -> Envelope {
        envelope(messageName: Self.name, issues: &issues)
    }
}
