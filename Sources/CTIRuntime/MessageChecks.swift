/// Checks of message types against the spec's examples and rules, for the tests the generator writes
/// (and for anyone's tests of their own messages). Each returns one line per broken expectation, and
/// is empty when all hold, so a test is `#expect(MessageChecks.roundTrip(Session.InitQuery.self) == [])`.
public enum MessageChecks {
    /// The example message survives envelope, bytes and reading unchanged, its body is the example's
    /// JSON, and it breaks no rule.
    public static func roundTrip<Message: CTIMessage>(_ type: Message.Type) -> [String] {
        guard let message = Message.example else { return ["\(Message.self): the spec's example is not a valid body"] }
        var findings: [String] = []
        do {
            let read = try Message(parsing: message.envelope.serialized())
            if read != message { findings.append("\(Message.self): read back as \(read.envelope.json), not \(message.envelope.json)") }
            if let example = try? JSONParser().parse(Message.exampleBodyJSON), read.envelope.body.canonicalized != example.canonicalized {
                findings.append("\(Message.self): the body written is \(read.envelope.body), not the example \(example)")
            }
        } catch {
            findings.append("\(Message.self): its own envelope is refused: \(error)")
        }
        findings += message.validate().map { "\(Message.self): the example breaks a rule: \($0)" }
        return findings
    }

    /// A member the spec does not define, added to the example body, is kept in the body's
    /// `unknownFields` on reading and written back.
    public static func keepsUnknownMembers<Message: CTIMessage>(_ type: Message.Type) -> [String] {
        guard case .object(var body)? = try? JSONParser().parse(Message.exampleBodyJSON) else {
            return ["\(Message.self): the spec's example is not an object"]
        }
        let unknown: JSONValue = ["kept", 1]
        body["x-unknown"] = unknown
        do {
            let read = try Message.Body(validating: .object(body))
            guard read.unknownFields["x-unknown"] == unknown, read.json.objectValue?["x-unknown"] == unknown else {
                return ["\(Message.self): the unknown member did not survive: \(read.json)"]
            }
            return []
        } catch {
            return ["\(Message.self): a body with an unknown member is refused: \(error)"]
        }
    }

    /// The example message with its body replaced by `bodyJSON` is refused, with `issue` among the issues.
    public static func refuses<Message: CTIMessage>(_ type: Message.Type, body bodyJSON: String, with issue: String) -> [String] {
        guard let message = Message.example, let body = try? JSONParser().parse(bodyJSON) else {
            return ["\(Message.self): the example or the broken body does not parse"]
        }
        var issues: [ValidationIssue] = []
        if Message(envelope: Envelope(header: message.envelope.header, body: body), issues: &issues) != nil {
            return ["\(Message.self): the broken body \(bodyJSON) was read"]
        }
        return issues.contains { $0.description == issue } ? [] : ["\(Message.self): expected '\(issue)', got \(issues)"]
    }

    /// The header's example reads back unchanged with `messageName`, and breaks no rule.
    public static func readsExample<Header: CTIHeader>(_ type: Header.Type, messageName: String?) -> [String] {
        var issues: [ValidationIssue] = []
        let object = Header.example.jsonObject(messageName: messageName, issues: &issues)
        guard let read = Header(object, messageName: messageName, issues: &issues), issues.isEmpty else {
            return ["\(Header.self): its example is refused: \(issues)"]
        }
        var findings = read == Header.example ? [] : ["\(Header.self): the example read back as \(read.json)"]
        findings += read.validate().map { "\(Header.self): the example breaks a rule: \($0)" }
        return findings
    }

    /// `headerJSON`, read as a header of the message named `messageName`, is refused, with `issue` among
    /// the issues of reading and validation.
    public static func refuses<Header: CTIHeader>(
        _ type: Header.Type, header headerJSON: String, messageName: String?, with issue: String
    ) -> [String] {
        guard case .object(let object)? = try? JSONParser().parse(headerJSON) else { return ["\(Header.self): \(headerJSON) does not parse"] }
        var issues: [ValidationIssue] = []
        if let header = Header(object, messageName: messageName, issues: &issues) {
            issues = header.validate()
            if issues.isEmpty { return ["\(Header.self): the broken header \(headerJSON) was accepted"] }
        }
        return issues.contains { $0.description == issue } ? [] : ["\(Header.self): expected '\(issue)', got \(issues)"]
    }

    /// Routes the example of `Request` through `router`: the answer is a valid SUCCESS that echoes the
    /// headers and carries the example response body (the router's handler answers with examples).
    public static func routesExample<Handler: Sendable, Request: CTIRequest>(
        _ type: Request.Type, router: Router<Handler>
    ) async -> [String] {
        guard let request = Request.example else { return ["\(Request.name): the spec's example is not a valid body"] }
        let routed = await ConformanceChecks.answer(to: request, router: router)
        var findings = routed.findings
        guard let answer = routed.envelope, let response = routed.response else { return findings + ["\(Request.name): no valid response"] }
        if response.header.isFailure { findings.append("\(Request.name): answered as a failure: \(answer.json)") }
        if let expected = try? Request.exampleResponseBody(), response.body != expected {
            findings.append("\(Request.name): the response body is \(answer.body), not the example")
        }
        return findings
    }

    /// Routes the example of `Request` through `router`, whose handler throws `CTIFailure(message)`: the
    /// answer is a FAILURE that echoes the headers and carries `message`.
    public static func answersFailure<Handler: Sendable, Request: CTIRequest>(
        _ type: Request.Type, router: Router<Handler>, message: String
    ) async -> [String] {
        guard let request = Request.example else { return ["\(Request.name): the spec's example is not a valid body"] }
        let routed = await ConformanceChecks.answer(to: request, router: router)
        var findings = routed.findings
        guard let answer = routed.envelope else { return findings + ["\(Request.name): no response"] }
        let expected = request.failure(message).envelope
        if answer != expected { findings.append("\(Request.name): answered \(answer.json), not \(expected.json)") }
        return findings
    }

    /// The example message, read by `read` (the bridge side's `ClientMessage`), gives its envelope back.
    public static func readsBack<Message: CTIMessage>(
        _ type: Message.Type, with read: (Envelope, inout [ValidationIssue]) -> Envelope?
    ) -> [String] {
        guard let message = Message.example else { return ["\(Message.self): the spec's example is not a valid body"] }
        var issues: [ValidationIssue] = []
        let envelope = message.envelope
        guard let readBack = read(envelope, &issues), issues.isEmpty else { return ["\(Message.self): not read: \(issues)"] }
        return readBack == envelope ? [] : ["\(Message.self): read back as \(readBack.json)"]
    }
}

extension MessageChecks {
    /// A body that breaks a message's rules, and the issue reading it must report.
    public struct BrokenBody: Sendable, CustomStringConvertible {
        /// The message type.
        public var message: any CTIMessage.Type
        /// The body, as JSON text.
        public var json: String
        /// The issue, as ``ValidationIssue/description`` writes it.
        public var issue: String

        /// Creates a case.
        public init(_ message: any CTIMessage.Type, _ json: String, _ issue: String) {
            self.message = message
            self.json = json
            self.issue = issue
        }

        public var description: String { "\(message): \(issue)" }
    }

    /// A header that breaks its kind's rules, and the issue reading it must report.
    public struct BrokenHeader: Sendable, CustomStringConvertible {
        /// The header type.
        public var header: any CTIHeader.Type
        /// The message name the header is read for; nil for a kind whose messages name themselves.
        public var messageName: String?
        /// The header, as JSON text.
        public var json: String
        /// The issue, as ``ValidationIssue/description`` writes it.
        public var issue: String

        /// Creates a case.
        public init(_ header: any CTIHeader.Type, messageName: String?, _ json: String, _ issue: String) {
            self.header = header
            self.messageName = messageName
            self.json = json
            self.issue = issue
        }

        public var description: String { "\(header): \(issue)" }
    }
}
