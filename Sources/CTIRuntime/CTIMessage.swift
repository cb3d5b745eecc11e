/// A typed protocol message: it reads itself from an envelope, reporting every problem with its
/// path, writes itself back, and checks the protocol's rules. `Codable` reads and writes the
/// envelope, with the same checks.
///
/// Generated message types conform through ``CTIRequest``, ``CTIEvent`` and ``CTINotice``; a
/// response is ``CTIResponse`` over the request it answers.
public protocol CTIMessage: Sendable, Hashable, Codable {
    /// The header type: the one of the message's kind.
    associatedtype Header: CTIHeader
    /// The body type.
    associatedtype Body: CTIObject = EmptyBody

    /// The destination the message belongs to (`session`).
    static var destination: String { get }

    /// The form `header.target` must have, when the destination declares one.
    static var targetShape: TargetShape? { get }

    /// The variant of the destination the message type belongs to (`telephony`); nil for the
    /// destination's own messages, which every variant shares unless it changes them.
    static var variant: String? { get }

    /// An example body as JSON text: the spec's example, or one derived from the fields. For tests,
    /// mocks and the conformance suite.
    static var exampleBodyJSON: String { get }

    /// The header.
    var header: Header { get }

    /// Reads the message; on problems appends issues (paths from the envelope: `header.requestId`,
    /// `body.chat`) and returns nil.
    init?(envelope: Envelope, issues: inout [ValidationIssue])

    /// The message as an envelope, with an issue for everything a reader would refuse: a value (see
    /// ``JSONRepresentable/json(issues:)``) or a rule of the header (see ``CTIHeader/validate()``).
    func envelope(issues: inout [ValidationIssue]) -> Envelope

    /// The message built from the header's example and ``exampleBodyJSON``; nil when the example is
    /// not a valid body. For tests, mocks and the conformance suite.
    static var example: Self? { get }
}

extension CTIMessage {
    /// `{}`: the example of a body with no members.
    public static var exampleBodyJSON: String { "{}" }

    /// None: any target.
    public static var targetShape: TargetShape? { nil }

    /// None: the destination's own message.
    public static var variant: String? { nil }

    /// The target the message's example is addressed to: one of ``targetShape`` when there is one, and
    /// one that names ``variant`` for a variant's message (see ``CTIDestinationVariant/init(exampleTarget:)``);
    /// nil for the kind's example target.
    public static var exampleTarget: String? { ExampleTarget.target(shape: targetShape, variant: variant) }

    /// An issue when `envelope`'s target does not have ``targetShape``.
    @inlinable
    static func checkTarget(of envelope: Envelope, issues: inout [ValidationIssue]) {
        guard let shape = targetShape, let target = envelope.headerString("target"), !shape.matches(target) else { return }
        issues.append(.targetShape(shape, found: target))
    }

    /// The message as an envelope.
    @inlinable
    public var envelope: Envelope {
        var unchecked: [ValidationIssue] = []
        return envelope(issues: &unchecked)
    }

    /// The protocol's rules the message breaks (a request id not in GUID form, a FAILURE without
    /// errorMessage, ...), with paths from the envelope; empty when a reader would accept it. It
    /// writes the message to find them; a message read from an envelope has passed them already.
    public func validate() -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        _ = envelope(issues: &issues)
        return issues
    }

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

    /// Decodes the message from its envelope, with the checks of ``init(envelope:issues:)``; every
    /// problem becomes one `DecodingError`.
    public init(from decoder: any Decoder) throws {
        let json = try JSONValue(from: decoder)
        do {
            try self.init(envelope: try Envelope(json))
        } catch {
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "\(error)"))
        }
    }

    /// Encodes the message's envelope: `{"header": {...}, "body": {...}}`.
    public func encode(to encoder: any Encoder) throws {
        try envelope.json.encode(to: encoder)
    }
}

extension Envelope {
    /// The envelope of a message: `header` written with `messageName` and checked against the
    /// protocol's rules, and `body` (`{}` when there is none), with their issues filed under `header`
    /// and `body`.
    @inlinable
    init<Header: CTIHeader, Body: CTIObject>(writing header: Header, messageName: String?, body: Body?, issues: inout [ValidationIssue]) {
        let headerObject = issues.filing(under: .key("header")) { issues in
            let object = header.jsonObject(messageName: messageName, issues: &issues)
            issues += header.validate()
            return object
        }
        let bodyJSON = issues.filing(under: .key("body")) { body?.json(issues: &$0) ?? .object(JSONObject()) }
        self.init(header: headerObject, body: bodyJSON)
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
