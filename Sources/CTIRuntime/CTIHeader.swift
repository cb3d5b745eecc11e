/// The header of one kind of message, generated from the protocol file: the members every message
/// of the kind carries. `header.type` is the kind's ``wireType``; for kinds whose messages have fixed
/// names, `header.name` belongs to the message type and is written and checked by it.
public protocol CTIHeader: CTIObject {
    /// The `header.type` of every message of the kind (`cti.query`).
    static var wireType: String { get }

    /// A header with an example value in every required member (a response's says SUCCESS), for
    /// tests, mocks and the conformance suite.
    static var example: Self { get }

    /// The protocol's rules across members the header breaks (a FAILURE without its errorMessage);
    /// empty when it keeps them all. Each value's own form (a request id in GUID form) is checked
    /// when it is read or written.
    func validate() -> [ValidationIssue]
}

extension CTIHeader {
    public func validate() -> [ValidationIssue] { [] }

    /// Reads a message's header and checks the protocol's rules on it, with every issue filed under
    /// `header`: what reading a message does first.
    @inlinable
    static func read(from envelope: Envelope, messageName: String?, issues: inout [ValidationIssue]) -> Self? {
        issues.filing(under: .key("header")) { issues in
            guard let header = Self(envelope.header, messageName: messageName, issues: &issues) else { return nil }
            let problems = header.validate()
            issues += problems
            return problems.isEmpty ? header : nil
        }
    }
}

/// The header of a message the client answers: a query or a request.
public protocol CTIRequestHeader: CTIHeader {
    /// The header of the response that answers it.
    associatedtype Answer: CTIResponseHeader

    /// The object the message addresses (`header.target`).
    var target: String { get }

    /// The header of the response that answers this message: the members it echoes, byte for byte,
    /// and the outcome.
    func answer(_ outcome: CTIOutcome) -> Answer
}

/// The header of a response.
public protocol CTIResponseHeader: CTIHeader {
    /// When a response may carry no body, in the protocol's words (`result is FAILURE`).
    static var failureCondition: String { get }

    /// Whether the response reports that the query or request failed.
    var isFailure: Bool { get }
}

/// The header of an event: events are gated by the destination they concern.
public protocol CTIEventHeader: CTIHeader {
    /// The object the event concerns (`header.target`).
    var target: String { get }
}

/// How a query or request turned out, as its response reports it.
public enum CTIOutcome: Sendable, Hashable {
    /// It succeeded.
    case success
    /// It failed, for the reason given: the response's error message, which the bridge logs and may
    /// show to the agent.
    case failure(String)
}

extension CTIHeader {
    /// ``example`` with its `target` replaced by `target` when one is given (an example of a destination
    /// whose targets have a form); the header is rewritten through its JSON, so any kind's works.
    @inlinable
    public static func example(target: String?) -> Self {
        guard let target else { return example }
        var issues: [ValidationIssue] = []
        var object = example.jsonObject(issues: &issues)
        guard object["target"] != nil else { return example }
        object["target"] = .string(target)
        return Self(json: .object(object), issues: &issues) ?? example
    }
}
