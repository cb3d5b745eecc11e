/// A warning or error the client sends. Its name is chosen at run time and travels in its header
/// with a code and a message, so one type stands for all of them.
public protocol CTINotice: CTIBodyMessage {}

extension CTINotice {
    @inlinable
    public init?(envelope: Envelope, issues: inout [ValidationIssue]) {
        self.init(envelope: envelope, messageName: nil, issues: &issues)
    }

    @inlinable
    public func envelope(issues: inout [ValidationIssue]) -> Envelope {
        envelope(messageName: nil, issues: &issues)
    }
}
