import CTICodegen
import CTISpec
import Foundation
import Testing

/// The generator's output for fixture specs, compared byte for byte with committed files under
/// Tests/Golden/<fixture>/ (which the package also compiles and tests). Set CTI_RECORD_GOLDEN=1
/// to write the current output as the new expectation.
@Suite struct GoldenTests {
    static let goldenRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Golden")

    struct Fixture: Sendable, CustomTestStringConvertible {
        var name: String
        var moduleName: String
        var access: AccessLevel
        var namePrefix = ""
        var testDescription: String { name }
    }

    static let fixtures = [
        Fixture(name: "awkward", moduleName: "AwkwardMessages", access: .public),
        Fixture(name: "multi", moduleName: "MultiMessages", access: .public, namePrefix: "Multi"),
    ]

    /// Loads a fixture's spec folder and generates its files.
    static func generate(_ fixture: Fixture) throws -> [GeneratedFile] {
        let specFolder = goldenRoot.appendingPathComponent(fixture.name).appendingPathComponent("spec").path
        let inputs = try SpecLoader.specFiles(in: specFolder)
        let result = SpecLoader.forSwift().load(paths: inputs)
        let spec = try #require(result.spec, "\(result.diagnostics)")
        return Generator(options: GeneratorOptions(access: fixture.access, moduleName: fixture.moduleName, namePrefix: fixture.namePrefix))
            .generate(spec, inputFiles: inputs)
    }

    /// The fixture's output folders: `Sources` and `Tests`.
    static func folders(of fixture: Fixture) -> [GeneratedFile.Root: URL] {
        let folder = goldenRoot.appendingPathComponent(fixture.name)
        return [.sources: folder.appendingPathComponent("Sources"), .tests: folder.appendingPathComponent("Tests")]
    }

    @Test(arguments: fixtures)
    func outputMatchesTheGoldenFiles(_ fixture: Fixture) throws {
        let files = try Self.generate(fixture)
        #expect(!files.isEmpty)
        if ProcessInfo.processInfo.environment["CTI_RECORD_GOLDEN"] == "1" {
            let writer = OutputWriter(folders: Self.folders(of: fixture))
            _ = try writer.write(writer.plan(files))
            return
        }
        for file in files {
            let url = try #require(Self.folders(of: fixture)[file.root]).appendingPathComponent(file.name)
            let expected = try String(contentsOf: url, encoding: .utf8)
            #expect(
                file.contents == expected,
                "\(file.name) differs from its golden file:\n\(UnifiedDiff.diff(old: expected, new: file.contents, oldName: url.path, newName: file.name))"
            )
        }
    }

    @Test(arguments: fixtures)
    func generationIsDeterministic(_ fixture: Fixture) throws {
        #expect(try Self.generate(fixture) == Self.generate(fixture))
    }
}
