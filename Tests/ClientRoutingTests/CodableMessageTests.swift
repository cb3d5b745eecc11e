import CTIMessages
import CTIRuntime
import Foundation
import Testing

/// Whole messages and headers are `Codable`: `JSONEncoder` writes a message as its envelope, and
/// `JSONDecoder` reads one with the same checks as `init?(envelope:issues:)`.
@Suite struct CodableMessageTests {
    static let id = "{0F8FAD5B-D9CB-469F-A165-70867728950E}"

    static func canonical(_ data: Data) throws -> JSONValue {
        try JSONParser().parse(Array(data)).canonicalized
    }

    @Test func aMessageEncodesAsItsEnvelope() throws {
        let request = try #require(Session.InitQuery.example)
        let data = try JSONEncoder().encode(request)
        #expect(try Self.canonical(data) == request.envelope.json.canonicalized)
        #expect(try JSONDecoder().decode(Session.InitQuery.self, from: data) == request)
    }

    @Test func aResponseAndAnEventRoundTrip() throws {
        let response = try #require(Session.InitQuery.example).failure("not now")
        #expect(try JSONDecoder().decode(Session.InitResponse.self, from: JSONEncoder().encode(response)) == response)
        let event = try #require(Session.ChannelAddedEvent.example)
        #expect(try JSONDecoder().decode(Session.ChannelAddedEvent.self, from: JSONEncoder().encode(event)) == event)
    }

    @Test func decodingChecksWhatReadingChecks() throws {
        let json = #"{"header":{"type":"cti.query","name":"session.query.init","target":"t","requestId":"nope"},"body":{"chat":"yes"}}"#
        #expect {
            try JSONDecoder().decode(Session.InitQuery.self, from: Data(json.utf8))
        } throws: { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return false }
            return context.debugDescription.contains("header.requestId: 'nope' is not a GUID")
                && context.debugDescription.contains("body.chat: expected boolean, found string")
                && context.debugDescription.contains("body.name: required member is missing")
        }
    }

    @Test func aHeaderIsCodableWithoutItsMessagesName() throws {
        let header = RequestHeader(target: "s-1", requestId: RequestID(unchecked: Self.id))
        let data = try JSONEncoder().encode(header)
        #expect(try Self.canonical(data) == JSONParser().parse(#"{"type":"cti.request","target":"s-1","requestId":"\#(Self.id)"}"#).canonicalized)
        #expect(try JSONDecoder().decode(RequestHeader.self, from: data) == header)
        let wrongKind = #"{"type":"cti.query","target":"s-1","requestId":"\#(Self.id)"}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(RequestHeader.self, from: Data(wrongKind.utf8)) }
    }
}
