import Foundation

/// Baseline (a): the same bytes decoded with `JSONDecoder` into hand-written Codable structs, the
/// response encoded with `JSONEncoder`. No validation, no routing: each exchange knows its types.
enum CodableBaseline {
    struct RequestHeader: Codable {
        var type: String
        var name: String
        var target: String
        var requestId: String
    }

    struct ResponseHeader: Codable {
        var type: String
        var name: String
        var target: String
        var requestId: String
        var result: String
        var errorMessage: String?
    }

    struct EventHeader: Codable {
        var type: String
        var name: String
        var target: String
    }

    struct Message<Header: Codable, Body: Codable>: Codable {
        var header: Header
        var body: Body
    }

    struct Empty: Codable {}

    struct InitBody: Codable {
        var name: String
        var chat: Bool
        var email: Bool
        var callback: Bool?
    }

    struct InitResponseBody: Codable {
        var channelGroup: String
    }

    struct CreateChannelGroupBody: Codable {
        struct Properties: Codable {
            var chat: Bool
            var email: Bool
            var callback: Bool
            var voicemail: Bool
        }

        struct Extensions: Codable {
            var mobileAgentMode: String?
            var mobileAgentDialNumber: String?
            var maxEmails: String?
            var maxChats: String?

            enum CodingKeys: String, CodingKey {
                case mobileAgentMode = "mobileagent-mode"
                case mobileAgentDialNumber = "mobileagent-dialnumber"
                case maxEmails = "MaxEmails"
                case maxChats = "MaxChats"
            }
        }

        var name: String
        var id: String
        var `extension`: String?
        var properties: Properties
        var extensions: Extensions?
    }

    struct GetTeamStatusBody: Codable {
        var realtime: Bool
    }

    struct TeamMember: Codable {
        var loginid: String
        var firstname: String
        var lastname: String
        var `extension`: String
        var state: String
        var statechangetime: String
    }

    struct TeamStatusBody: Codable {
        var teamstatus: [TeamMember]
    }

    struct Label: Codable {
        var language: String
        var country: String
        var name: String
        var description: String
    }

    /// `extensions` holds any JSON in the spec; the frames carry empty arrays, read here as strings.
    struct LogoutReason: Codable {
        var logoutReasonId: String
        var logoutReasonCode: String
        var extensions: [String]
        var labels: [Label]
    }

    struct LogoutReasonsBody: Codable {
        var logoutReasons: [LogoutReason]
    }

    struct ReasonCode: Codable {
        var reasonCodeId: String
        var reasonCodeCode: String
        var selectable: Bool
        var extensions: [String]
        var labels: [Label]
    }

    struct NotReadyReasonsBody: Codable {
        var reasonCodes: [ReasonCode]
    }

    static let teamStatus = try! JSONDecoder().decode(
        TeamStatusBody.self, from: Data(SessionFrames.teamStatusBody(count: SessionFrames.teamSize).utf8))

    /// One exchange: decode the request, answer it with `respond`, encode the response, frame it.
    static func exchange<Body: Codable, Answer: Codable>(
        _ frames: [[UInt8]], _ body: Body.Type, respond: @escaping (Body) -> Answer
    ) -> Contender {
        let decoder = JSONDecoder()
        let encoder = JSONEncoder()
        return Contender(name: "codable") { count in
            var checksum = 0
            for index in 0..<count {
                let data = Data(payloadOfFrame(frames[index % frames.count]))
                let request = try decoder.decode(Message<RequestHeader, Body>.self, from: data)
                let header = ResponseHeader(
                    type: "cti.response", name: request.header.name, target: request.header.target,
                    requestId: request.header.requestId, result: "SUCCESS")
                let response = Message(header: header, body: respond(request.body))
                checksum &+= framed(try encoder.encode(response)).count
            }
            return checksum
        }
    }

    /// The session requests, each decoded into its own types (the caller picks them: no routing).
    static func route(_ request: SessionFrames.Request) -> Contender {
        let frames = [SessionFrames.frame(request.json)]
        switch request.name {
        case "session.query.init":
            return exchange(frames, InitBody.self) { _ in InitResponseBody(channelGroup: "cg-4711-1") }
        case "session.request.createchannelgroup":
            return exchange(frames, CreateChannelGroupBody.self) { _ in Empty() }
        case "session.request.getteamstatus":
            return exchange(frames, GetTeamStatusBody.self) { _ in teamStatus }
        default:
            return exchange(frames, Empty.self) { _ in Empty() }
        }
    }

    /// Every session request in turn: the codable side has to pick the body type by name, which
    /// is a switch over the names (still no validation).
    static func routeAll(_ requests: [SessionFrames.Request]) -> Contender {
        let frames = requests.map { SessionFrames.frame($0.json) }
        let decoder = JSONDecoder()
        let encoder = JSONEncoder()
        struct Peek: Codable { var header: RequestHeader }
        func answer<Body: Codable, Answer: Codable>(_ data: Data, _: Body.Type, _ respond: (Body) -> Answer) throws -> Data {
            let request = try decoder.decode(Message<RequestHeader, Body>.self, from: data)
            let header = ResponseHeader(
                type: "cti.response", name: request.header.name, target: request.header.target,
                requestId: request.header.requestId, result: "SUCCESS")
            return try encoder.encode(Message(header: header, body: respond(request.body)))
        }
        return Contender(name: "codable") { count in
            var checksum = 0
            for index in 0..<count {
                let data = Data(payloadOfFrame(frames[index % frames.count]))
                let name = requests[index % requests.count].name  // known by position: no peek decode
                let response: Data
                switch name {
                case "session.query.init":
                    response = try answer(data, InitBody.self) { _ in InitResponseBody(channelGroup: "cg-4711-1") }
                case "session.request.createchannelgroup":
                    response = try answer(data, CreateChannelGroupBody.self) { _ in Empty() }
                case "session.request.getteamstatus":
                    response = try answer(data, GetTeamStatusBody.self) { _ in teamStatus }
                default:
                    response = try answer(data, Empty.self) { _ in Empty() }
                }
                checksum &+= framed(response).count
            }
            return checksum
        }
    }

    /// Client side, sending an event: encode the struct, frame it.
    static func sendEvent<Body: Codable>(name: String, body: Body) -> Contender {
        let encoder = JSONEncoder()
        let message = Message(header: EventHeader(type: "cti.event", name: name, target: SessionFrames.target), body: body)
        return Contender(name: "codable") { count in
            var checksum = 0
            for _ in 0..<count {
                checksum &+= framed(try encoder.encode(message)).count
            }
            return checksum
        }
    }

    /// Bridge side, reading a client's message of a known type.
    static func read<Header: Codable, Body: Codable>(_ frame: [UInt8], _: Header.Type, _: Body.Type) -> Contender {
        let decoder = JSONDecoder()
        return Contender(name: "codable") { count in
            var checksum = 0
            for _ in 0..<count {
                let message = try decoder.decode(Message<Header, Body>.self, from: Data(payloadOfFrame(frame)))
                blackHole(message)
                checksum &+= 1
            }
            return checksum
        }
    }
}
