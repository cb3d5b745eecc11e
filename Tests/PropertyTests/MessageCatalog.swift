import CTIMessages
import CTIRuntime
import Foundation

/// A generated message type whose body and example the property tests can reach generically.
protocol SampledMessage: CTIMessage {
    associatedtype Body: JSONRepresentable
    /// The spec's example body (or one derived from its fields), as JSON text.
    static var exampleBodyJSON: String { get }
}

/// A generated message type with a fixed wire name.
protocol NamedSampledMessage: SampledMessage {
    static var name: String { get }
}

extension Session.InitQuery: NamedSampledMessage {}
extension Session.InitResponse: NamedSampledMessage {}
extension Session.CreateChannelGroupRequest: NamedSampledMessage {}
extension Session.CreateChannelGroupResponse: NamedSampledMessage {}
extension Session.CloseRequest: NamedSampledMessage {}
extension Session.CloseResponse: NamedSampledMessage {}
extension Session.ExternalLogoutReasonsRequest: NamedSampledMessage {}
extension Session.ExternalLogoutReasonsResponse: NamedSampledMessage {}
extension Session.ExternalNotReadyReasonsRequest: NamedSampledMessage {}
extension Session.ExternalNotReadyReasonsResponse: NamedSampledMessage {}
extension Session.DisposeRequest: NamedSampledMessage {}
extension Session.DisposeResponse: NamedSampledMessage {}
extension Session.GetTeamStatusRequest: NamedSampledMessage {}
extension Session.GetTeamStatusResponse: NamedSampledMessage {}
extension Session.StopTeamStatusRequest: NamedSampledMessage {}
extension Session.StopTeamStatusResponse: NamedSampledMessage {}
extension Session.ClosedEvent: NamedSampledMessage {}
extension Session.ChannelAddedEvent: NamedSampledMessage {}
extension Session.ChannelGroupAddedEvent: NamedSampledMessage {}
extension Session.ExternalLogoutReasonsUpdatedEvent: NamedSampledMessage {}
extension Session.ExternalNotReadyReasonsUpdatedEvent: NamedSampledMessage {}
extension Session.TeamStatusUpdatedEvent: NamedSampledMessage {}
extension Session.ClientWarning: SampledMessage {}
extension Session.ClientError: SampledMessage {}

/// The kinds of message, with the header members each carries.
enum MessageKind: String, Sendable, CaseIterable {
    case query = "cti.query"
    case request = "cti.request"
    case response = "cti.response"
    case event = "cti.event"
    case warning = "cti.warning"
    case error = "cti.error"
}

/// One generated message type, reached through closures so a list can hold them all.
struct MessageType: Sendable, CustomStringConvertible {
    /// The Swift type's name (`InitQuery`).
    let typeName: String
    let kind: MessageKind
    /// The wire name; nil for warnings and errors, whose name is chosen at run time.
    let wireName: String?
    /// The example body, parsed.
    let exampleBody: JSONValue
    /// The issues reading `json` as the body gives (empty when it is a valid body).
    let bodyIssues: @Sendable (JSONValue) -> [ValidationIssue]
    /// Reads the message and returns it with its envelope, or every issue.
    let read: @Sendable (Envelope) -> Result<DecodedMessage, ValidationError>

    var description: String { typeName }
}

/// A message read from an envelope: the typed value (compared with `==`) and its envelope.
struct DecodedMessage: @unchecked Sendable {
    let value: AnyHashable
    let envelope: Envelope
    let validationIssues: [ValidationIssue]
}

extension MessageType {
    static func of<M: NamedSampledMessage>(_ type: M.Type, _ kind: MessageKind) -> MessageType {
        make(type, kind, wireName: M.name)
    }

    static func of<M: SampledMessage>(runtimeNamed type: M.Type, _ kind: MessageKind) -> MessageType {
        make(type, kind, wireName: nil)
    }

    private static func make<M: SampledMessage>(_ type: M.Type, _ kind: MessageKind, wireName: String?) -> MessageType {
        let example: JSONValue
        do { example = try JSONParser().parse(M.exampleBodyJSON) } catch { fatalError("\(M.self).exampleBodyJSON: \(error)") }
        return MessageType(
            typeName: String(describing: M.self), kind: kind, wireName: wireName, exampleBody: example,
            bodyIssues: { json in
                var issues: [ValidationIssue] = []
                if M.Body(json: json, issues: &issues) == nil, issues.isEmpty {
                    issues.append(ValidationIssue(path: [], message: "unreadable without an issue"))
                }
                return issues
            },
            read: { envelope in
                do throws(ValidationError) {
                    let message = try M(envelope: envelope)
                    return .success(DecodedMessage(value: AnyHashable(message), envelope: message.envelope, validationIssues: message.validate()))
                } catch {
                    return .failure(error)
                }
            })
    }
}

/// Every message type of CTIMessages. `catalogCoversEveryGeneratedType` fails when the spec
/// gains a type that is missing here.
enum MessageCatalog {
    static let all: [MessageType] = [
        .of(Session.InitQuery.self, .query),
        .of(Session.InitResponse.self, .response),
        .of(Session.CreateChannelGroupRequest.self, .request),
        .of(Session.CreateChannelGroupResponse.self, .response),
        .of(Session.CloseRequest.self, .request),
        .of(Session.CloseResponse.self, .response),
        .of(Session.ExternalLogoutReasonsRequest.self, .request),
        .of(Session.ExternalLogoutReasonsResponse.self, .response),
        .of(Session.ExternalNotReadyReasonsRequest.self, .request),
        .of(Session.ExternalNotReadyReasonsResponse.self, .response),
        .of(Session.DisposeRequest.self, .request),
        .of(Session.DisposeResponse.self, .response),
        .of(Session.GetTeamStatusRequest.self, .request),
        .of(Session.GetTeamStatusResponse.self, .response),
        .of(Session.StopTeamStatusRequest.self, .request),
        .of(Session.StopTeamStatusResponse.self, .response),
        .of(Session.ClosedEvent.self, .event),
        .of(Session.ChannelAddedEvent.self, .event),
        .of(Session.ChannelGroupAddedEvent.self, .event),
        .of(Session.ExternalLogoutReasonsUpdatedEvent.self, .event),
        .of(Session.ExternalNotReadyReasonsUpdatedEvent.self, .event),
        .of(Session.TeamStatusUpdatedEvent.self, .event),
        .of(runtimeNamed: Session.ClientWarning.self, .warning),
        .of(runtimeNamed: Session.ClientError.self, .error),
    ]

    /// The queries and requests: what a router answers.
    static var requests: [MessageType] { all.filter { $0.kind == .query || $0.kind == .request } }

    /// The names of the message types the generated sources declare (`public struct X: CTI...Message`).
    static func generatedTypeNames() throws -> Set<String> {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Generated/Sources/CTIMessages")
        var names: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let trimmed = line.drop { $0 == " " }
                guard trimmed.hasPrefix("public struct "), let colon = trimmed.firstIndex(of: ":") else { continue }
                let conformances = trimmed[colon...]
                guard conformances.contains("CTIMessage") || conformances.contains("CTIRequestMessage")
                    || conformances.contains("CTIEventMessage")
                else { continue }
                names.insert(String(trimmed.dropFirst("public struct ".count)[..<colon]))
            }
        }
        return names
    }
}
