// swift-tools-version: 6.0
// Fuzz targets for cti-codegen, kept out of the main package so that `swift build` and
// `swift test` there never need libFuzzer. Build and run them with `Fuzz/run.sh <target> <seconds>`.
import PackageDescription

let package = Package(
    name: "cti-fuzz",
    dependencies: [
        .package(name: "cti-codegen", path: "..")
    ],
    targets: [
        // Declares libFuzzer's LLVMFuzzerRunDriver: SwiftPM supplies `main`, so the fuzz targets
        // start libFuzzer themselves instead of linking its main.
        .target(name: "CFuzzerDriver"),
        // Arbitrary bytes as spec files -> load -> check -> generate; the output must lex as safe Swift.
        .executableTarget(
            name: "FuzzSpec",
            dependencies: [
                "CFuzzerDriver",
                .product(name: "CTISpec", package: "cti-codegen"),
                .product(name: "CTICodegen", package: "cti-codegen"),
            ]),
        // Arbitrary bytes in arbitrary chunks -> frame decoder -> router with a test handler.
        .executableTarget(
            name: "FuzzWire",
            dependencies: [
                "CFuzzerDriver",
                .product(name: "CTIRuntime", package: "cti-codegen"),
                .product(name: "CTIMessages", package: "cti-codegen"),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
