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
        let bodyStart = issues.count
        let body = Body(json: envelope.body, issues: &issues)
        issues.prefix(from: bodyStart, with: .key("body"))
        guard let header, let body, issues.count == start else { return nil }
        self.init(header: header, body: body)
    }

    /// The envelope, with `messageName` as `header.name` when the kind's messages have fixed names.
    @inlinable
    public func envelope(messageName: String?, issues: inout [ValidationIssue]) -> Envelope {
        let start = issues.count
        let headerObject = header.jsonObject(messageName: messageName, issues: &issues)
        issues.prefix(from: start, with: .key("header"))
        let bodyStart = issues.count
        let bodyJSON = body.json(issues: &issues)
        issues.prefix(from: bodyStart, with: .key("body"))
        return Envelope(header: headerObject, body: bodyJSON)
    }

    @inlinable
    public static var example: Self? {
        guard let json = try? JSONParser().parse(exampleBodyJSON), let body = try? Body(validating: json) else { return nil }
        return Self(header: .example, body: body)
    }

    /// The header's rules, with paths from the envelope (`header.requestId`).
    @inlinable
    public func validate() -> [ValidationIssue] {
        var issues = header.validate()
        issues.prefix(from: 0, with: .key("header"))
        return issues
    }
}
