import Foundation

/// Baseline (b): `JSONSerialization` into dictionaries, a hand-written switch on the name, fields
/// read with `as?` casts into typed values, the response built as a dictionary and serialized.
enum SerializationBaseline {
    struct Unreadable: Error {}

    /// The team members as the handler's model, turned into dictionaries for each response.
    static let teamStatus = CodableBaseline.teamStatus.teamstatus

    static func dictionary(_ member: CodableBaseline.TeamMember) -> [String: Any] {
        [
            "loginid": member.loginid, "firstname": member.firstname, "lastname": member.lastname,
            "extension": member.extension, "state": member.state, "statechangetime": member.statechangetime,
        ]
    }

    static func dictionary(_ label: CodableBaseline.Label) -> [String: Any] {
        ["language": label.language, "country": label.country, "name": label.name, "description": label.description]
    }

    /// Answers one request: the hand-written switch a client without generated code would write.
    static func answer(_ payload: ArraySlice<UInt8>) throws -> Data {
        guard let message = try JSONSerialization.jsonObject(with: Data(payload)) as? [String: Any],
            let header = message["header"] as? [String: Any],
            let name = header["name"] as? String, let target = header["target"] as? String,
            let requestId = header["requestId"] as? String
        else { throw Unreadable() }
        let body = message["body"] as? [String: Any] ?? [:]
        var responseBody: [String: Any] = [:]
        switch name {
        case "session.query.init":
            guard let groupName = body["name"] as? String, let chat = body["chat"] as? Bool,
                let email = body["email"] as? Bool
            else { throw Unreadable() }
            let callback = body["callback"] as? Bool
            blackHole((groupName, chat, email, callback))
            responseBody["channelGroup"] = "cg-4711-1"
        case "session.request.createchannelgroup":
            guard let groupName = body["name"] as? String, let id = body["id"] as? String,
                let properties = body["properties"] as? [String: Any],
                let chat = properties["chat"] as? Bool, let email = properties["email"] as? Bool,
                let callback = properties["callback"] as? Bool, let voicemail = properties["voicemail"] as? Bool
            else { throw Unreadable() }
            let extensions = body["extensions"] as? [String: Any]
            let mode = extensions?["mobileagent-mode"] as? String
            let dialNumber = extensions?["mobileagent-dialnumber"] as? String
            let maxEmails = extensions?["MaxEmails"] as? String
            let maxChats = extensions?["MaxChats"] as? String
            blackHole((groupName, id, body["extension"] as? String, chat, email, callback, voicemail))
            blackHole((mode, dialNumber, maxEmails, maxChats))
        case "session.request.getteamstatus":
            guard let realtime = body["realtime"] as? Bool else { throw Unreadable() }
            blackHole(realtime)
            responseBody["teamstatus"] = teamStatus.map(dictionary)
        case "session.request.close", "session.request.externallogoutreasons",
            "session.request.externalnotreadyreasons", "session.request.dispose", "session.request.stopteamstatus":
            break
        default:
            throw Unreadable()
        }
        let response: [String: Any] = [
            "header": [
                "type": "cti.response", "name": name, "target": target, "requestId": requestId, "result": "SUCCESS",
            ],
            "body": responseBody,
        ]
        return try JSONSerialization.data(withJSONObject: response)
    }

    static func route(_ frames: [[UInt8]]) -> Contender {
        Contender(name: "serialization") { count in
            var checksum = 0
            for index in 0..<count {
                checksum &+= framed(try answer(payloadOfFrame(frames[index % frames.count]))).count
            }
            return checksum
        }
    }

    /// Client side, sending an event built from the handler's model.
    static func sendEvent(name: String, body: @escaping () -> [String: Any]) -> Contender {
        Contender(name: "serialization") { count in
            var checksum = 0
            for _ in 0..<count {
                let message: [String: Any] = [
                    "header": ["type": "cti.event", "name": name, "target": SessionFrames.target], "body": body(),
                ]
                checksum &+= framed(try JSONSerialization.data(withJSONObject: message)).count
            }
            return checksum
        }
    }

    static func teamStatusEventBody() -> [String: Any] { ["teamstatus": teamStatus.map(dictionary)] }

    static let logoutReasons = try! JSONDecoder().decode(
        CodableBaseline.LogoutReasonsBody.self,
        from: Data(SessionFrames.logoutReasonsBody(count: SessionFrames.reasonCount).utf8)
    ).logoutReasons

    static func logoutReasonsEventBody() -> [String: Any] {
        [
            "logoutReasons": logoutReasons.map { reason -> [String: Any] in
                [
                    "logoutReasonId": reason.logoutReasonId, "logoutReasonCode": reason.logoutReasonCode,
                    "extensions": reason.extensions, "labels": reason.labels.map(dictionary),
                ]
            }
        ]
    }

    /// Bridge side: reads a client's message, switching on type and name, and the members into typed values.
    static func read(_ frame: [UInt8]) -> Contender {
        Contender(name: "serialization") { count in
            var checksum = 0
            for _ in 0..<count {
                guard let message = try JSONSerialization.jsonObject(with: Data(payloadOfFrame(frame))) as? [String: Any],
                    let header = message["header"] as? [String: Any], let type = header["type"] as? String,
                    let name = header["name"] as? String, let target = header["target"] as? String,
                    let body = message["body"] as? [String: Any]
                else { throw Unreadable() }
                blackHole(target)
                switch (type, name) {
                case ("cti.response", "session.request.getteamstatus"), ("cti.event", "session.teamstatus.updated"):
                    guard let members = body["teamstatus"] as? [[String: Any]] else { throw Unreadable() }
                    var read: [CodableBaseline.TeamMember] = []
                    read.reserveCapacity(members.count)
                    for member in members {
                        guard let loginid = member["loginid"] as? String, let firstname = member["firstname"] as? String,
                            let lastname = member["lastname"] as? String, let ext = member["extension"] as? String,
                            let state = member["state"] as? String, let time = member["statechangetime"] as? String
                        else { throw Unreadable() }
                        read.append(
                            CodableBaseline.TeamMember(
                                loginid: loginid, firstname: firstname, lastname: lastname, extension: ext, state: state,
                                statechangetime: time))
                    }
                    checksum &+= read.count
                case ("cti.event", "session.externallogoutreasons.updated"):
                    guard let reasons = body["logoutReasons"] as? [[String: Any]] else { throw Unreadable() }
                    var read: [CodableBaseline.LogoutReason] = []
                    read.reserveCapacity(reasons.count)
                    for reason in reasons {
                        guard let id = reason["logoutReasonId"] as? String, let code = reason["logoutReasonCode"] as? String,
                            let extensions = reason["extensions"] as? [Any], let labels = reason["labels"] as? [[String: Any]]
                        else { throw Unreadable() }
                        var readLabels: [CodableBaseline.Label] = []
                        for label in labels {
                            guard let language = label["language"] as? String, let country = label["country"] as? String,
                                let labelName = label["name"] as? String, let description = label["description"] as? String
                            else { throw Unreadable() }
                            readLabels.append(
                                CodableBaseline.Label(language: language, country: country, name: labelName, description: description))
                        }
                        read.append(
                            CodableBaseline.LogoutReason(
                                logoutReasonId: id, logoutReasonCode: code, extensions: extensions.compactMap { $0 as? String },
                                labels: readLabels))
                    }
                    checksum &+= read.count
                default:
                    throw Unreadable()
                }
            }
            return checksum
        }
    }
}
