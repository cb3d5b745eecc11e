import CTICodegen
import CTISpec
import Testing

/// `cti-codegen.yaml`: its keys, and a located diagnostic for every mistake.
@Suite struct CodegenConfigTests {
    @Test func readsEveryKey() {
        let loaded = CodegenConfig.load(text: "access: public\noutputs: [code, tests]\nnamePrefix: Bridge\n", path: "c.yaml")
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.config == CodegenConfig(access: .public, outputs: [.code, .tests], namePrefix: "Bridge"))
    }

    @Test func anEmptyFileMeansTheDefaults() {
        #expect(CodegenConfig.load(text: "", path: "c.yaml").config == CodegenConfig())
    }

    @Test func everyMistakeIsLocated() {
        let loaded = CodegenConfig.load(text: "acess: public\noutputs: [code, test]\nnamePrefix: lower\n", path: "c.yaml")
        #expect(loaded.config == nil)
        #expect(
            loaded.diagnostics.map(\.description) == [
                "c.yaml:1:1: error: unknown key 'acess' in the configuration; did you mean 'access'?",
                "c.yaml:2:17: error: an entry of outputs must be one of 'code', 'tests', found 'test'; did you mean 'tests'?",
                "c.yaml:3:13: error: namePrefix must start a Swift type name: a capital letter, then letters and digits",
            ])
    }

    @Test func limitsReplaceTheDefaultsTheyName() throws {
        let loaded = CodegenConfig.load(text: "limits:\n  maxMessages: 200\n  maxSpecFiles: 3\n", path: "c.yaml")
        #expect(loaded.diagnostics.isEmpty)
        let limits = try #require(loaded.config).limits.applied(to: .default)
        #expect(limits == LoadLimits(maxMessages: 200, maxSpecFiles: 3))
    }

    @Test func limitMistakesAreLocated() {
        let loaded = CodegenConfig.load(text: "limits:\n  maxMessage: 200\n  maxSpecFiles: 0\n  maxFileBytes: many\n", path: "c.yaml")
        #expect(loaded.config == nil)
        #expect(
            loaded.diagnostics.map(\.description) == [
                "c.yaml:2:3: error: unknown key 'maxMessage' in limits; did you mean 'maxMessages'?",
                "c.yaml:3:17: error: maxSpecFiles must be at least 1",
                "c.yaml:4:17: error: maxFileBytes must be a whole number, found 'many'",
            ])
    }
}
