import Foundation
import Testing
@testable import CTIRuntime

@Suite("RequestID")
struct RequestIDTests {
    static let valid = [
        "3F2504E0-4F89-11D3-9A0C-0305E82C3301",
        "3f2504e0-4f89-11d3-9a0c-0305e82c3301",
        "3f2504E0-4F89-11d3-9A0c-0305e82C3301",
        "{3F2504E0-4F89-11D3-9A0C-0305E82C3301}",
        "{00000000-0000-0000-0000-000000000000}",
        "ffffffff-ffff-ffff-ffff-ffffffffffff",
    ]

    static let invalid = [
        "",
        "3F2504E0-4F89-11D3-9A0C-0305E82C330",  // one digit short
        "3F2504E0-4F89-11D3-9A0C-0305E82C33011",  // one digit long
        "3F2504E04F8911D39A0C0305E82C3301",  // no hyphens
        "3F2504E0-4F8911D3-9A0C-0305E82C3301-",  // hyphen moved
        "3F2504E0-4F89-11D3-9A0C_0305E82C3301",
        "3G2504E0-4F89-11D3-9A0C-0305E82C3301",  // G is not hex
        "{3F2504E0-4F89-11D3-9A0C-0305E82C3301",  // unbalanced braces
        "3F2504E0-4F89-11D3-9A0C-0305E82C3301}",
        "{{3F2504E0-4F89-11D3-9A0C-0305E82C3301}}",
        "(3F2504E0-4F89-11D3-9A0C-0305E82C3301)",
        "}3F2504E0-4F89-11D3-9A0C-0305E82C3301{",
        " 3F2504E0-4F89-11D3-9A0C-0305E82C3301",
        "3F2504E0-4F89-11D3-9A0C-0305E82C3301 ",
        "x3F2504E0-4F89-11D3-9A0C-0305E82C3301y",
        "３F2504E0-4F89-11D3-9A0C-0305E82C330",  // full-width digit
        "urn:uuid:3F2504E0-4F89-11D3-9A0C-0305E82C3301",
    ]

    @Test(arguments: valid)
    func acceptsGUIDsAndKeepsThemExactly(_ text: String) throws {
        #expect(RequestID.isGUID(text))
        let id = try #require(RequestID(rawValue: text))
        #expect(id.rawValue == text)
        #expect(Array(id.rawValue.utf8) == Array(text.utf8))
        #expect(id.description == text)
    }

    @Test(arguments: invalid)
    func rejectsAnythingElse(_ text: String) {
        #expect(!RequestID.isGUID(text))
        #expect(RequestID(rawValue: text) == nil)
    }

    @Test func checksSubstrings() {
        let line = "requestId={3F2504E0-4F89-11D3-9A0C-0305E82C3301};"
        let start = line.firstIndex(of: "{")!
        let end = line.firstIndex(of: ";")!
        #expect(RequestID.isGUID(line[start..<end]))
        #expect(!RequestID.isGUID(line[start...end]))
    }

    @Test func caseAndBracesAreSignificant() {
        let upper = RequestID(rawValue: "3F2504E0-4F89-11D3-9A0C-0305E82C3301")
        let lower = RequestID(rawValue: "3f2504e0-4f89-11d3-9a0c-0305e82c3301")
        let braced = RequestID(rawValue: "{3F2504E0-4F89-11D3-9A0C-0305E82C3301}")
        #expect(upper != lower)
        #expect(upper != braced)
    }

    @Test func uncheckedKeepsAnything() {
        let id = RequestID(unchecked: "not a guid")
        #expect(id.rawValue == "not a guid")
    }

    struct Header: Codable, Equatable {
        var requestId: RequestID
    }

    @Test func codableAsAPlainString() throws {
        let id = try #require(RequestID(rawValue: "{3f2504E0-4F89-11D3-9A0C-0305E82C3301}"))
        let encoded = try JSONEncoder().encode(Header(requestId: id))
        #expect(String(decoding: encoded, as: UTF8.self) == #"{"requestId":"{3f2504E0-4F89-11D3-9A0C-0305E82C3301}"}"#)
        let decoded = try JSONDecoder().decode(Header.self, from: encoded)
        #expect(decoded.requestId.rawValue == id.rawValue)
    }

    @Test func decodingAnInvalidIDThrowsDataCorrupted() {
        let data = Data(#"{"requestId":"12345"}"#.utf8)
        do {
            _ = try JSONDecoder().decode(Header.self, from: data)
            Issue.record("decoding should have failed")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.codingPath.map(\.stringValue) == ["requestId"])
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func randomIDsAreLowercaseVersion4GUIDs() {
        var seen = Set<RequestID>()
        for _ in 0..<1_000 {
            let id = RequestID.random()
            let text = id.rawValue
            #expect(RequestID.isGUID(text))
            #expect(text.utf8.count == 36)
            #expect(text == text.lowercased())
            let characters = Array(text)
            #expect(characters[14] == "4")
            #expect("89ab".contains(characters[19]))
            seen.insert(id)
        }
        #expect(seen.count == 1_000)
    }

    @Test func randomWithAGeneratorIsDeterministic() {
        var first = SplitMix64(seed: 1)
        var second = SplitMix64(seed: 1)
        let a = RequestID.random(using: &first)
        let b = RequestID.random(using: &second)
        #expect(a == b)
        #expect(RequestID.random(using: &first) != a)

        // All-zero and all-one generators pin down the layout of the digits.
        struct Constant: RandomNumberGenerator {
            let value: UInt64
            mutating func next() -> UInt64 { value }
        }
        var zeros = Constant(value: 0)
        var ones = Constant(value: .max)
        #expect(RequestID.random(using: &zeros).rawValue == "00000000-0000-4000-8000-000000000000")
        #expect(RequestID.random(using: &ones).rawValue == "ffffffff-ffff-4fff-bfff-ffffffffffff")
    }
}
