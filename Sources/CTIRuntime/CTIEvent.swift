/// An event the client sends: unsolicited, or caused by a request it carried out. No event may be
/// sent for a destination before its init query has been answered (see ``EventSender``).
public protocol CTIEvent: CTINamedMessage where Header: CTIEventHeader {}

extension CTIEvent {
    /// The object the event concerns (`header.target`).
    @inlinable
    public var target: String { header.target }
}
