import Testing
@testable import CTIRuntime

/// What the runtime does for every generated object: finding members by key in any order, reporting
/// every problem with its path, keeping unknown members in wire order, and checking values on the way
/// out. `Point` is written the way the generator writes an object.
@Suite struct ObjectReaderWriterTests {
    struct Point: CTIObject {
        var x: Int
        var label: String?
        var kind: String
        var id: GUID
        var unknownFields: JSONObject = [:]

        init(x: Int, label: String? = nil, kind: String = "point", id: GUID) {
            self.x = x
            self.label = label
            self.kind = kind
            self.id = id
        }

        init(reading reader: inout JSONObjectReader) {
            x = reader.read("x")
            label = reader.readIfPresent("label")
            kind = reader.read("kind", equals: "point")
            id = reader.read("id")
            unknownFields = reader.unreadMembers
        }

        func write(to writer: inout JSONObjectWriter) {
            writer.write("x", x)
            writer.writeIfPresent("label", label)
            writer.write("kind", kind, equals: "point")
            writer.write("id", id)
        }
    }

    static let id = "0f8fad5b-d9cb-469f-a165-70867728950e"

    static func read(_ json: String) -> (Point?, [String]) {
        var issues: [ValidationIssue] = []
        let point = Point(json: try! JSONParser().parse(json), issues: &issues)
        return (point, issues.map(\.description))
    }

    @Test func membersAreFoundInAnyOrderAndUnknownOnesKeptInWireOrder() throws {
        let (point, issues) = Self.read(#"{"z":1,"id":"\#(Self.id)","kind":"point","a":[true],"x":3,"label":null}"#)
        #expect(issues == [])
        let read = try #require(point)
        #expect(read.x == 3 && read.label == nil && read.id.rawValue == Self.id)
        #expect(read.unknownFields.keys == ["z", "a"])
        #expect(read.json.description == #"{"x":3,"kind":"point","id":"\#(Self.id)","z":1,"a":[true]}"#)
    }

    @Test func everyProblemIsReportedWithItsPath() {
        let (point, issues) = Self.read(#"{"label":7,"kind":"line","id":"nope"}"#)
        #expect(point == nil)
        #expect(
            issues == [
                "x: required member is missing", "label: expected string, found number", "kind: expected 'point', found 'line'",
                "id: 'nope' is not a GUID (8-4-4-4-12 hex digits, optionally in braces)",
            ])
    }

    @Test func aMemberBeyondTheSixtyFourthIsTrackedToo() throws {
        var members = (0..<100).map { JSONObject.Member(key: "extra\($0)", value: .number(JSONNumber($0))) }
        members.insert(.init(key: "x", value: 1), at: 70)
        members.insert(.init(key: "kind", value: "point"), at: 90)
        members.append(.init(key: "id", value: .string(Self.id)))
        var issues: [ValidationIssue] = []
        let point = try #require(Point(JSONObject(members), issues: &issues))
        #expect(issues == [])
        #expect(point.unknownFields.count == 100)
        #expect(point.unknownFields.keys.first == "extra0" && point.unknownFields.keys.last == "extra99")
    }

    @Test func writingReportsWhatAReaderWouldRefuse() {
        var point = Point(x: 1, id: GUID(unchecked: "not-a-guid"))
        point.kind = "line"
        var issues: [ValidationIssue] = []
        _ = point.json(issues: &issues)
        #expect(issues.map(\.description) == ["kind: expected 'point', found 'line'", "id: 'not-a-guid' is not a GUID (8-4-4-4-12 hex digits, optionally in braces)"])
        var numberIssues: [ValidationIssue] = []
        _ = [Double.infinity, 2].json(issues: &numberIssues)
        #expect(numberIssues.map(\.description) == ["[0]: inf is not a number JSON can hold"])
    }

    @Test func aPlaceholderStandsInOnlyWhileReading() {
        let placeholder = Point.jsonPlaceholder
        #expect(placeholder.x == 0 && placeholder.kind == "point" && placeholder.label == nil)
    }

    @Test func theMessageNameIsCheckedOnlyWhereTheReaderKnowsIt() {
        let header = JSONObject([.init(key: "name", value: "a.b")])
        var named = JSONObjectReader(header, messageName: "a.c")
        named.readMessageName("name")
        #expect(named.issues.map(\.description) == ["name: expected 'a.c', found 'a.b'"])
        var alone = JSONObjectReader(header)
        alone.readMessageName("name")
        #expect(alone.issues.isEmpty)
        var writer = JSONObjectWriter(messageName: "a.c")
        writer.writeMessageName("name")
        #expect(writer.object.description == #"{"name":"a.c"}"#)
    }
}
