import CTICodegen
import Testing

/// `cti-codegen.yaml`: the three keys, and a located diagnostic for every mistake.
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
}
