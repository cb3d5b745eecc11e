import CTICodegen
import CTISpec
import Foundation
import Testing

/// Compares the tables `cti-codegen docs` renders with the tables of the source chapter
/// (kept as data in Fixtures/seed-tables.json): every difference must be a recorded erratum.
@Suite struct FidelityTests {
    struct SourceTable: Decodable {
        var message: String
        var table: String
        var rows: [[String]]
    }

    let sourceTables: [SourceTable]
    let specTables: [ReferenceTable]

    init() throws {
        let data = try Data(contentsOf: TestSupport.fixture("seed-tables.json"))
        sourceTables = try JSONDecoder().decode([SourceTable].self, from: data)
        let spec = try TestSupport.shippedSpec()
        let session = try #require(spec.destinations.first { $0.name == "session" })
        specTables = ReferenceTable.tables(for: session, in: spec)
    }

    /// The spec's table for a source table: same message, same part.
    private func specTable(for source: SourceTable) -> ReferenceTable? {
        let isResponse = source.table.hasPrefix("Response")
        let isHeader = source.table.contains("Header")
        let part: ReferenceTable.Part =
            switch (isResponse, isHeader) {
            case (true, true): .responseHeader
            case (true, false): .responseBody
            case (false, true): .header
            case (false, false): .body
            }
        // The source names its warning and error sections "client warning" / "client error".
        let message = source.message.hasPrefix("client ")
            ? "Client" + source.message.dropFirst("client ".count).capitalized : source.message
        return specTables.first { $0.message == message && $0.part == part }
    }

    @Test func everySourceTableIsInTheSpec() {
        #expect(sourceTables.count == 36)
        for source in sourceTables {
            #expect(specTable(for: source) != nil, "no spec table for \(source.message) / \(source.table)")
        }
    }

    @Test func everyDifferingRowIsARecordedErratum() throws {
        var differences = 0
        for source in sourceTables {
            let table = try #require(specTable(for: source))
            let rows = table.rows.filter { !$0.isNested }
            if rows.count != source.rows.count {
                #expect(table.ownerHasErrata, "\(source.message) / \(source.table): row count differs without an erratum")
            }
            for (index, sourceRow) in source.rows.enumerated() where index < rows.count {
                let row = rows[index]
                let same = [row.key, row.value, row.notes] == sourceRow
                if !same {
                    differences += 1
                    #expect(
                        row.hasErratum,
                        "\(source.message) / \(source.table) row \(index + 1): source \(sourceRow), spec \([row.key, row.value, row.notes]) and no erratum"
                    )
                }
            }
        }
        // The shipped spec fixes exactly these rows: the empty email key, the shifted extension row,
        // extension.MaxChats, and the warning and error type notes.
        #expect(differences == 5)
    }

    @Test func tablesWithoutASourceTableComeFromExamplesOrAreEmptyResponses() {
        let matched = Set(sourceTables.compactMap { specTable(for: $0) })
        for table in specTables where !matched.contains(table) {
            let emptyResponse = table.part == .responseBody && table.rows.map(\.key) == ["None"]
            #expect(
                table.fromExample || emptyResponse,
                "\(table.message) / \(table.title) has no source table and is neither from an example nor an empty response body"
            )
        }
    }

    @Test func requiredErrataAreRecorded() throws {
        let places = ErrataIndex(spec: try TestSupport.shippedSpec()).entries.map(\.place)
        for expected in [
            "session.query.init, body, row email",
            "session.request.createchannelgroup, body, row extension",
            "session.request.createchannelgroup, body, row extensions.MaxChats",
            "session.request.getteamstatus response",
            "session.teamstatus.updated",
            "ClientWarning",
            "ClientError",
            "session.request.close response",
        ] {
            #expect(places.contains(expected), "no erratum at \(expected)")
        }
    }

    @Test func markdownTableEscapesPipes() throws {
        let spec = try TestSupport.shippedSpec()
        let markdown = MarkdownReference(spec: spec).render()
        #expect(markdown.contains("| result | SUCCESS \\| FAILURE | Result of the query |"))
        #expect(markdown.contains("| properties.chat | Boolean | Agent is configured to handle chat |"))
        #expect(markdown.contains("| logoutReasons[].labels | Array of Label | The reason's display texts, one per language |"))
        #expect(markdown.contains("#### Label"))
        #expect(markdown.contains("| language | String | Language code, e.g. en |"))
    }
}
