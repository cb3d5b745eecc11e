/// A typed protocol message: it reads itself from an envelope, reporting every problem with its
/// path, writes itself back, and checks the protocol's rules.
public protocol CTIMessage: Sendable, Hashable {
    /// The destination the message belongs to (`session`).
    static var destination: String { get }

    /// Reads the message; on problems appends issues (paths from the envelope: `header.requestId`,
    /// `body.chat`) and returns nil.
    init?(envelope: Envelope, issues: inout [ValidationIssue])

    /// The message as an envelope.
    var envelope: Envelope { get }

    /// The protocol rules the message breaks (a request id not in GUID form, a FAILURE without
    /// errorMessage, ...); empty when it is valid.
    func validate() -> [ValidationIssue]
}

extension CTIMessage {
    /// Reads the message, throwing every problem at once.
    public init(envelope: Envelope) throws(ValidationError) {
        var issues: [ValidationIssue] = []
        guard let message = Self(envelope: envelope, issues: &issues), issues.isEmpty else {
            throw ValidationError(issues: issues)
        }
        self = message
    }

    /// Parses one frame's content and reads the message from it.
    public init(parsing bytes: [UInt8], limits: JSONLimits = .default) throws(MessageDecodingError) {
        let envelope: Envelope
        do { envelope = try Envelope(parsing: bytes, limits: limits) } catch { throw .notAnEnvelope(error) }
        do { try self.init(envelope: envelope) } catch { throw .invalid(error) }
    }
}

/// Bytes that could not be read as a particular message.
public enum MessageDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The bytes are not an envelope.
    case notAnEnvelope(EnvelopeError)
    /// The envelope does not hold a valid message of the expected type.
    case invalid(ValidationError)

    public var description: String {
        switch self {
        case .notAnEnvelope(let error): error.description
        case .invalid(let error): error.description
        }
    }
}

/// A query or request: the bridge sends it and the client answers it with exactly one response.
public protocol CTIRequestMessage: CTIMessage {
    /// The response type.
    associatedtype Response: CTIMessage
    /// What a successful handler returns: the response body, or `Void` when the response has none.
    associatedtype ResponseBody: Sendable

    /// The wire name (`header.name`).
    static var name: String { get }
    /// Whether answering this message initializes its destination (the `<kind>.query.init` query).
    static var initializesDestination: Bool { get }

    /// The addressed object (`header.target`).
    var target: String { get }

    /// A SUCCESS response echoing this message's name, target and request id.
    func success(_ body: ResponseBody) -> Response
    /// A FAILURE response echoing this message's name, target and request id.
    func failure(_ errorMessage: String) -> Response
}

/// An event the client sends.
public protocol CTIEventMessage: CTIMessage {
    /// The object the event is about (`header.target`).
    var target: String { get }
}

/// An error a handler throws to answer with a FAILURE response whose errorMessage is `message`
/// (any other error is answered with its description).
public struct CTIFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The errorMessage of the FAILURE response: logged by the bridge, and may be shown to the agent.
    public var message: String

    /// Creates a failure.
    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
