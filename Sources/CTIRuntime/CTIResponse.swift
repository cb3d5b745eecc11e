/// The response to a query or request: the client's answer, which repeats the name, target and
/// request id of what it answers and says whether it succeeded. A SUCCESS carries the body; a
/// FAILURE carries its error message and may leave the body out (`{}`), so ``body`` is optional.
///
/// Every response type is this one over its request: `Session.CloseResponse` is
/// `CTIResponse<Session.CloseRequest>`.
public struct CTIResponse<Request: CTIRequest>: CTIMessage {
    public typealias Header = Request.Header.Answer
    public typealias Body = Request.ResponseBody

    /// The wire name: the name of the query or request it answers.
    public static var name: String { Request.name }

    public static var destination: String { Request.destination }

    public static var exampleBodyJSON: String { Request.exampleResponseBodyJSON }

    /// The header.
    public var header: Header

    /// The body; nil in a FAILURE that carries none.
    public var body: Body?

    /// Creates a response.
    @inlinable
    public init(header: Header, body: Body?) {
        self.header = header
        self.body = body
    }

    /// Reads a response. A FAILURE whose body is empty gets no body; any other body is read, so a
    /// SUCCESS reports every problem of its body.
    @inlinable
    public init?(envelope: Envelope, issues: inout [ValidationIssue]) {
        let start = issues.count
        let header = Header.read(from: envelope, messageName: Request.name, issues: &issues)
        var body: Body?
        let bodyIsEmpty = envelope.body == .object(JSONObject())
        // A header that cannot be read does not say whether the body may be left out: an empty body is
        // not read then, so it adds no issues of its own.
        if !bodyIsEmpty || header.map({ !$0.isFailure }) == true {
            let bodyStart = issues.count
            body = Body(json: envelope.body, issues: &issues)
            issues.prefix(from: bodyStart, with: .key("body"))
        }
        guard let header, issues.count == start else { return nil }
        self.init(header: header, body: body)
    }

    @inlinable
    public func envelope(issues: inout [ValidationIssue]) -> Envelope {
        let start = issues.count
        let headerObject = header.jsonObject(messageName: Request.name, issues: &issues)
        issues.prefix(from: start, with: .key("header"))
        let bodyStart = issues.count
        let bodyJSON = body?.json(issues: &issues) ?? .object(JSONObject())
        issues.prefix(from: bodyStart, with: .key("body"))
        return Envelope(header: headerObject, body: bodyJSON)
    }

    /// A SUCCESS response with the example header and ``exampleBodyJSON``.
    public static var example: Self? {
        guard let json = try? JSONParser().parse(exampleBodyJSON), let body = try? Body(validating: json) else { return nil }
        return Self(header: .example, body: body)
    }

    /// The header's rules, and the body a response needs unless it reports a failure.
    @inlinable
    public func validate() -> [ValidationIssue] {
        var issues = header.validate()
        issues.prefix(from: 0, with: .key("header"))
        if body == nil, !header.isFailure {
            issues.append(ValidationIssue(path: [.key("body")], message: "required unless \(Header.failureCondition)"))
        }
        return issues
    }
}
