/// The frames the benchmarks process: every query and request of the session destination as the
/// bridge sends it, and the large bodies (team status, reason lists) at realistic sizes.
enum SessionFrames {
    static let target = "bridge-01.session-4711"
    static let requestID = "{6F9619FF-8B86-D011-B42D-00CF4FC964FF}"

    /// Team members in the getteamstatus response and the burst teamstatus.updated event.
    static let teamSize = 200
    /// Logout and not ready reasons in the reason-list events, each with two labels.
    static let reasonCount = 40

    /// A bridge-to-client message: its wire name, type and body.
    struct Request {
        var name: String
        var wireType: String
        var body: String

        var json: String {
            #"{"header":{"type":"\#(wireType)","name":"\#(name)","target":"\#(target)","requestId":"\#(requestID)"},"body":\#(body)}"#
        }
    }

    static let initQuery = Request(
        name: "session.query.init", wireType: "cti.query",
        body: #"{"name":"Agent Group 7","chat":true,"email":true,"callback":false}"#)
    static let createChannelGroup = Request(
        name: "session.request.createchannelgroup", wireType: "cti.request",
        body: #"{"name":"CG-4711","id":"b-4711-7","extension":"4101","properties":{"chat":true,"email":true,"callback":false,"voicemail":true},"extensions":{"mobileagent-mode":"REMOTE","mobileagent-dialnumber":"+15550104101","MaxEmails":"5","MaxChats":"3"}}"#)
    static let getTeamStatus = Request(
        name: "session.request.getteamstatus", wireType: "cti.request", body: #"{"realtime":true}"#)

    /// The requests whose body is empty.
    static let emptyBodyRequests = [
        "session.request.close", "session.request.externallogoutreasons", "session.request.externalnotreadyreasons",
        "session.request.dispose", "session.request.stopteamstatus",
    ].map { Request(name: $0, wireType: "cti.request", body: "{}") }

    /// Every query and request of the session destination, in spec order.
    static let allRequests = [initQuery, createChannelGroup] + emptyBodyRequests.prefix(4) + [getTeamStatus]
        + emptyBodyRequests.suffix(1)

    // MARK: Large bodies

    private static let firstNames = ["Dana", "Sam", "Ada", "Grace", "Linus", "Noor", "Mateo", "Yuki", "Amara", "Olek"]
    private static let lastNames = ["Reyes", "Okafor", "Lovelace", "Hopper", "Torvalds", "Haddad", "García", "Tanaka"]
    private static let states = ["READY", "NOT_READY", "TALKING", "WRAP_UP", "LOGGED_OUT"]

    static func teamMember(_ index: Int) -> String {
        let minute = index % 60
        let second = (index * 7) % 60
        return #"{"loginid":"agent\#(1000 + index)","firstname":"\#(firstNames[index % firstNames.count])","lastname":"\#(lastNames[index % lastNames.count])","extension":"\#(4100 + index)","state":"\#(states[index % states.count])","statechangetime":"2024-05-14T09:\#(minute < 10 ? "0" : "")\#(minute):\#(second < 10 ? "0" : "")\#(second)Z"}"#
    }

    /// `{"teamstatus":[...]}` with `count` members.
    static func teamStatusBody(count: Int) -> String {
        #"{"teamstatus":["# + (0..<count).map(teamMember).joined(separator: ",") + "]}"
    }

    private static func labels(_ index: Int, _ what: String) -> String {
        #"[{"language":"en","country":"US","name":"\#(what) \#(index)","description":"The agent selected \#(what.lowercased()) reason \#(index) in the desktop"},{"language":"es","country":"MX","name":"Motivo \#(index)","description":"El agente eligió el motivo \#(index) en el escritorio"}]"#
    }

    /// `{"logoutReasons":[...]}` with `count` reasons of two labels each.
    static func logoutReasonsBody(count: Int) -> String {
        let reasons = (0..<count).map { index in
            #"{"logoutReasonId":"LR-\#(100 + index)","logoutReasonCode":"\#(100 + index)","extensions":[],"labels":\#(labels(index, "Logout"))}"#
        }
        return #"{"logoutReasons":["# + reasons.joined(separator: ",") + "]}"
    }

    /// `{"reasonCodes":[...]}` with `count` reasons of two labels each.
    static func notReadyReasonsBody(count: Int) -> String {
        let reasons = (0..<count).map { index in
            #"{"reasonCodeId":"NR-\#(100 + index)","reasonCodeCode":"\#(10 + index)","selectable":\#(index % 5 != 0),"extensions":[],"labels":\#(labels(index, "Not ready"))}"#
        }
        return #"{"reasonCodes":["# + reasons.joined(separator: ",") + "]}"
    }

    // MARK: Client-to-bridge messages

    static func event(_ name: String, body: String) -> String {
        #"{"header":{"type":"cti.event","name":"\#(name)","target":"\#(target)"},"body":\#(body)}"#
    }

    static func response(_ name: String, body: String) -> String {
        #"{"header":{"type":"cti.response","name":"\#(name)","target":"\#(target)","requestId":"\#(requestID)","result":"SUCCESS"},"body":\#(body)}"#
    }

    /// A frame: big-endian length, then the UTF-8 of `json`.
    static func frame(_ json: String) -> [UInt8] {
        let bytes = Array(json.utf8)
        let length = UInt32(bytes.count)
        return [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)] + bytes
    }
}

/// Reads the length prefix and returns the payload, as a hand-written baseline reader does.
@inline(__always)
func payloadOfFrame(_ frame: [UInt8]) -> ArraySlice<UInt8> {
    let length = Int(frame[0]) << 24 | Int(frame[1]) << 16 | Int(frame[2]) << 8 | Int(frame[3])
    return frame[4..<(4 + length)]
}

/// Appends a big-endian length prefix and `payload` to a new frame, as a hand-written baseline writer does.
@inline(__always)
func framed(_ payload: some Collection<UInt8>) -> [UInt8] {
    var frame: [UInt8] = []
    frame.reserveCapacity(payload.count + 4)
    let length = UInt32(payload.count)
    frame.append(UInt8(length >> 24))
    frame.append(UInt8(length >> 16 & 0xFF))
    frame.append(UInt8(length >> 8 & 0xFF))
    frame.append(UInt8(length & 0xFF))
    frame.append(contentsOf: payload)
    return frame
}
