// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "cti-codegen",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "cti-codegen", targets: ["cti-codegen"]),
        .library(name: "CTISpec", targets: ["CTISpec"]),
        .library(name: "CTIRuntime", targets: ["CTIRuntime"]),
        .library(name: "CTIMessages", targets: ["CTIMessages"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        .target(
            name: "CTISpec",
            dependencies: [.product(name: "Yams", package: "Yams")]
        ),
        .target(name: "CTIRuntime"),
        .target(
            name: "CTICodegen",
            dependencies: ["CTISpec"]
        ),
        .executableTarget(
            name: "cti-codegen",
            dependencies: [
                "CTISpec",
                "CTICodegen",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "CTIMessages",
            dependencies: ["CTIRuntime"],
            path: "Generated/Sources/CTIMessages"
        ),
        .testTarget(
            name: "CTIMessagesTests",
            dependencies: ["CTIMessages", "CTIRuntime"],
            path: "Generated/Tests/CTIMessagesTests"
        ),
        .testTarget(
            name: "CTIRuntimeTests",
            dependencies: ["CTIRuntime"]
        ),
        .testTarget(
            name: "CTISpecTests",
            dependencies: ["CTISpec", "CTICodegen"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "CTICodegenTests", dependencies: ["CTICodegen", "CTISpec"]),
        .testTarget(name: "ClientRoutingTests", dependencies: ["CTIMessages", "CTIRuntime"]),
        .testTarget(name: "CLITests", dependencies: ["cti-codegen"]),
        // The golden fixture's output is compared byte for byte by CTICodegenTests, and also
        // compiled and tested here, so awkward names are proven to make working Swift.
        .target(name: "AwkwardMessages", dependencies: ["CTIRuntime"], path: "Tests/Golden/awkward/Sources"),
        .testTarget(
            name: "AwkwardMessagesTests", dependencies: ["AwkwardMessages", "CTIRuntime"],
            path: "Tests/Golden/awkward/Tests"),
    ],
    swiftLanguageModes: [.v6]
)
