import CTICodegen
import CTISpec
import Foundation

/// Paths and small specs shared by the spec tests.
enum TestSupport {
    /// The package's root folder.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped spec folder.
    static var specFolder: String { packageRoot.appendingPathComponent("spec").path }

    /// A fixture file's URL.
    static func fixture(_ name: String) -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name)
    }

    /// Loads the shipped spec, failing loudly when it has errors.
    static func shippedSpec() throws -> Spec {
        let result = SpecLoader().load(paths: [specFolder])
        guard let spec = result.spec else {
            throw SpecTestError(description: result.diagnostics.map(\.description).joined(separator: "\n"))
        }
        return spec
    }

    /// A small, valid protocol file (file name `protocol.yaml`).
    static let protocolYAML = """
        protocol: Test Protocol
        framing:
          lengthPrefixBytes: 4
          byteOrder: big-endian
          encoding: utf-8
          maxFrameBytes: 1048576
        kinds:
          - kind: query
            wireType: cti.query
            sender: bridge
            answeredBy: response
            header:
              - {key: type, type: wireType}
              - {key: name, type: messageName}
              - {key: target, type: string}
              - {key: requestId, type: guid}
          - kind: response
            wireType: cti.response
            sender: client
            header:
              - {key: type, type: wireType}
              - {key: name, type: messageName}
              - {key: target, type: string}
              - {key: requestId, type: guid}
              - {key: result, type: enum, values: [SUCCESS, FAILURE]}
              - {key: errorMessage, type: string, required: false}
          - kind: event
            wireType: cti.event
            sender: client
            header:
              - {key: type, type: wireType}
              - {key: name, type: messageName}
              - {key: target, type: string}
        rules:
          - id: failure-needs-error-message
            summary: A FAILURE response carries errorMessage.
            when: {key: result, equals: FAILURE}
            require: errorMessage

        """

    /// A small, valid destination file (file name `dest.yaml`) with one query and one event.
    static let destinationYAML = """
        destination: dest
        title: Test Destination
        summary: A destination for tests.
        initQuery: dest.query.init
        messages:
          - name: dest.query.init
            kind: query
            summary: Initializes.
            header:
              - {key: type, notes: Query type}
              - {key: name, notes: Query name}
              - {key: target, notes: Target}
              - {key: requestId, notes: Request id}
            body:
              - key: chat
                type: boolean
                notes: Chat enabled
            response:
              header:
                - {key: type, notes: t}
                - {key: name, notes: n}
                - {key: target, notes: t}
                - {key: requestId, notes: r}
                - {key: result, notes: r}
                - {key: errorMessage, notes: e}
              body: []
          - name: dest.thing.added
            kind: event
            summary: A thing was added.
            header:
              - {key: type, notes: t}
              - {key: name, notes: n}
              - {key: target, notes: t}
            body:
              - {key: id, type: string, notes: The thing}

        """

    /// Loads the small protocol with a destination text.
    static func load(destination: String, protocol protocolText: String = protocolYAML, limits: LoadLimits = .default)
        -> LoadResult
    {
        SpecLoader.forSwift(limits: limits).load(files: [("protocol.yaml", protocolText), ("dest.yaml", destination)])
    }
}

struct SpecTestError: Error, CustomStringConvertible {
    var description: String
}
