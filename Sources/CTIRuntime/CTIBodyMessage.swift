/// A message that carries its body unconditionally: a query, request, event, warning or error
/// (a response, whose body a FAILURE may leave out, is ``CTIResponse``). Its generated type declares
/// the header, the body and the initializer; reading, writing and checking live here.
public protocol CTIBodyMessage: CTIMessage {
    /// The body.
    var body: Body { get }

    /// Creates the message.
    init(header: Header, body: Body)
}

extension CTIBodyMessage {
    /// Reads the header, with its `name` checked against `messageName` when the kind's messages have
    /// fixed names and the protocol's rules checked, and the body.
    @inlinable
    public init?(envelope: Envelope, messageName: String?, issues: inout [ValidationIssue]) {
        let start = issues.count
        let header = Header.read(from: envelope, messageName: messageName, issues: &issues)
        Self.checkTarget(of: envelope, issues: &issues)
        let body = issues.filing(under: .key("body")) { Body(json: envelope.body, issues: &$0) }
        guard let header, let body, issues.count == start else { return nil }
        self.init(header: header, body: body)
    }

    /// The envelope, with `messageName` as `header.name` when the kind's messages have fixed names.
    @inlinable
    public func envelope(messageName: String?, issues: inout [ValidationIssue]) -> Envelope {
        let envelope = Envelope(writing: header, messageName: messageName, body: body, issues: &issues)
        Self.checkTarget(of: envelope, issues: &issues)
        return envelope
    }

    public static var example: Self? {
        (try? Body(jsonText: exampleBodyJSON)).map { Self(header: .example(target: exampleTarget), body: $0) }
    }
}
