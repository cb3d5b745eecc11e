import CTIMessages
import CTIRuntime
import Foundation

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
    static func of<M: CTIRequest>(_ type: M.Type) -> MessageType {
        make(type, typeName: String(describing: M.self), wireName: M.name)
    }

    static func of<R: CTIRequest>(responseTo type: R.Type, named typeName: String) -> MessageType {
        make(R.Response.self, typeName: typeName, wireName: R.name)
    }

    static func of<M: CTIEvent>(_ type: M.Type) -> MessageType {
        make(type, typeName: String(describing: M.self), wireName: M.name)
    }

    static func of<M: CTINotice>(_ type: M.Type) -> MessageType {
        make(type, typeName: String(describing: M.self), wireName: nil)
    }

    private static func make<M: CTIMessage>(_ type: M.Type, typeName: String, wireName: String?) -> MessageType {
        let example: JSONValue
        do { example = try JSONParser().parse(M.exampleBodyJSON) } catch { fatalError("\(M.self).exampleBodyJSON: \(error)") }
        guard let kind = MessageKind(rawValue: M.Header.wireType) else { fatalError("\(M.self): unknown kind \(M.Header.wireType)") }
        return MessageType(
            typeName: typeName, kind: kind, wireName: wireName, exampleBody: example,
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
        .of(Session.InitQuery.self),
        .of(responseTo: Session.InitQuery.self, named: "InitResponse"),
        .of(Session.CreateChannelGroupRequest.self),
        .of(responseTo: Session.CreateChannelGroupRequest.self, named: "CreateChannelGroupResponse"),
        .of(Session.CloseRequest.self),
        .of(responseTo: Session.CloseRequest.self, named: "CloseResponse"),
        .of(Session.ExternalLogoutReasonsRequest.self),
        .of(responseTo: Session.ExternalLogoutReasonsRequest.self, named: "ExternalLogoutReasonsResponse"),
        .of(Session.ExternalNotReadyReasonsRequest.self),
        .of(responseTo: Session.ExternalNotReadyReasonsRequest.self, named: "ExternalNotReadyReasonsResponse"),
        .of(Session.DisposeRequest.self),
        .of(responseTo: Session.DisposeRequest.self, named: "DisposeResponse"),
        .of(Session.GetTeamStatusRequest.self),
        .of(responseTo: Session.GetTeamStatusRequest.self, named: "GetTeamStatusResponse"),
        .of(Session.StopTeamStatusRequest.self),
        .of(responseTo: Session.StopTeamStatusRequest.self, named: "StopTeamStatusResponse"),
        .of(Session.ClosedEvent.self),
        .of(Session.ChannelAddedEvent.self),
        .of(Session.ChannelGroupAddedEvent.self),
        .of(Session.ExternalLogoutReasonsUpdatedEvent.self),
        .of(Session.ExternalNotReadyReasonsUpdatedEvent.self),
        .of(Session.TeamStatusUpdatedEvent.self),
        .of(Session.ClientWarning.self),
        .of(Session.ClientError.self),
    ]

    /// The queries and requests: what a router answers.
    static var requests: [MessageType] { all.filter { $0.kind == .query || $0.kind == .request } }

    /// The names of the message types the generated sources declare (`public struct X: CTIRuntime.CTIRequest`,
    /// `public typealias XResponse = CTIRuntime.CTIResponse<...>`).
    static func generatedTypeNames() throws -> Set<String> {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Generated/Sources/CTIMessages")
        var names: Set<String> = []
        for file in try FileManager.default.contentsOfDirectory(atPath: folder.path) where file.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                let trimmed = line.drop { $0 == " " }
                if trimmed.hasPrefix("public typealias "), trimmed.contains("= CTIRuntime.CTIResponse<"),
                    let equals = trimmed.firstIndex(of: "=")
                {
                    names.insert(String(trimmed.dropFirst("public typealias ".count)[..<equals]).trimmingCharacters(in: .whitespaces))
                }
                guard trimmed.hasPrefix("public struct "), let colon = trimmed.firstIndex(of: ":") else { continue }
                let conformances = trimmed[colon...]
                guard ["CTIRuntime.CTIRequest,", "CTIRuntime.CTIEvent,", "CTIRuntime.CTINotice,"].contains(where: conformances.contains)
                else { continue }
                names.insert(String(trimmed.dropFirst("public struct ".count)[..<colon]))
            }
        }
        return names
    }
}
