/// Sends the client's events, refusing any event for a destination whose init query has not been
/// answered yet (the protocol's rule), and producing the frame bytes.
public struct EventSender: Sendable {
    /// The initialization state the sender checks; share it with the router.
    public let tracker: InitializationTracker
    /// How frames are written.
    public let framing: FramingOptions

    /// Creates a sender.
    public init(tracker: InitializationTracker, framing: FramingOptions = .default) {
        self.tracker = tracker
        self.framing = framing
    }

    /// The event's envelope, or an error when its destination is not initialized, it breaks a rule, or
    /// a value in it is one a reader would refuse.
    @inlinable
    public func envelope<Event: CTIEvent>(for event: Event) throws(EventSendError) -> Envelope {
        guard tracker.isInitialized(destination: Event.destination, target: event.target) else {
            throw .notInitialized(destination: Event.destination, target: event.target)
        }
        var issues: [ValidationIssue] = []
        let envelope = event.envelope(issues: &issues)
        guard issues.isEmpty else { throw .invalid(ValidationError(issues: issues)) }
        return envelope
    }

    /// The event as one frame (length prefix and JSON), checked as ``envelope(for:)`` does.
    @inlinable
    public func frame<Event: CTIEvent>(for event: Event) throws(EventSendError) -> [UInt8] {
        let envelope = try envelope(for: event)
        do {
            return try FrameEncoder(options: framing).encode(envelope)
        } catch {
            throw .frame(error)
        }
    }
}

/// Why an event was not sent.
public enum EventSendError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The destination has not received and answered its init query.
    case notInitialized(destination: String, target: String)
    /// The event breaks a protocol rule.
    case invalid(ValidationError)
    /// The event is too large for a frame.
    case frame(FrameError)

    public var description: String {
        switch self {
        case .notInitialized(let destination, let target):
            "no event may be sent for the \(destination) destination '\(target)' before its init query has been answered"
        case .invalid(let error): "the event is invalid: \(error)"
        case .frame(let error): "the event cannot be framed: \(error)"
        }
    }
}
