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
        .library(name: "CTICodegen", targets: ["CTICodegen"]),
        .library(name: "CTITransport", targets: ["CTITransport"]),
        .executable(name: "cti-bridge", targets: ["cti-bridge"]),
        .executable(name: "cti-example-client", targets: ["cti-example-client"]),
        .plugin(name: "CTICodegenPlugin", targets: ["CTICodegenPlugin"]),
        .plugin(name: "CTICodegenCommand", targets: ["CTICodegenCommand"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
        // CTITransport and cti-bridge only: the tool and the plugins never build them.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        .target(
            name: "CTISpec",
            dependencies: ["CTIRuntime", .product(name: "Yams", package: "Yams")]
        ),
        .target(name: "CTIRuntime"),
        .target(
            name: "CTICodegen",
            dependencies: ["CTIRuntime", "CTISpec", .product(name: "Yams", package: "Yams")]
        ),
        .executableTarget(
            name: "cti-codegen",
            dependencies: [
                "CTISpec",
                "CTICodegen",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The connection to a bridge (swift-nio, TLS, reconnecting, swift-log).
        .target(
            name: "CTITransport",
            dependencies: [
                "CTIRuntime",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // cti-bridge's engine: the session, the checks against the spec model, the load run.
        .target(
            name: "CTIBridge",
            dependencies: [
                "CTISpec", "CTIRuntime",
                .product(name: "Yams", package: "Yams"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .executableTarget(
            name: "cti-bridge",
            dependencies: ["CTIBridge", "CTISpec", "CTIRuntime", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "cti-example-client",
            dependencies: [
                "CTITransport", "CTIMessages", "CTIRuntime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
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
        .testTarget(name: "ClientRoutingTests", dependencies: ["CTIMessages", "MultiMessages", "CTIRuntime"]),
        // Random messages of every type: round trips through frames, unknown members and values, echoed headers.
        .testTarget(
            name: "PropertyTests",
            dependencies: ["CTIMessages", "CTIRuntime", .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "CLITests", dependencies: ["cti-codegen"]),
        // CTITransport and cti-bridge over loopback: end to end, TLS, and a bridge that misbehaves.
        .testTarget(
            name: "TransportTests",
            dependencies: [
                "CTITransport", "CTIBridge", "CTIMessages", "MultiMessages", "CTISpec", "CTIRuntime",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]),
        // The golden fixture's output is compared byte for byte by CTICodegenTests, and also
        // compiled and tested here, so awkward names are proven to make working Swift.
        .target(name: "AwkwardMessages", dependencies: ["CTIRuntime"], path: "Tests/Golden/awkward/Sources"),
        .testTarget(
            name: "AwkwardMessagesTests", dependencies: ["AwkwardMessages", "CTIRuntime"],
            path: "Tests/Golden/awkward/Tests"),
        // Several destinations in one module, with a name prefix: the same golden comparison, compiled and tested.
        .target(name: "MultiMessages", dependencies: ["CTIRuntime"], path: "Tests/Golden/multi/Sources"),
        .testTarget(
            name: "MultiMessagesTests", dependencies: ["MultiMessages", "CTIRuntime"],
            path: "Tests/Golden/multi/Tests"),
        // Generates a target's *.cti.yaml spec files at build time (see README, "Using the plugin in your package").
        .plugin(
            name: "CTICodegenPlugin", capability: .buildTool(), dependencies: ["cti-codegen"],
            path: "Plugins/CTICodegenPlugin"),
        // Rewrites committed output: Generated/ here, and the Generated/ folder of a user's target.
        .plugin(
            name: "CTICodegenCommand",
            capability: .command(
                intent: .custom(
                    verb: "generate-cti-code",
                    description: "Regenerate committed Swift output from the spec files (Generated/ folders)"),
                permissions: [
                    .writeToPackageDirectory(reason: "Writes the generated Swift files into the Generated/ folders")
                ]),
            dependencies: ["cti-codegen"],
            path: "Plugins/CTICodegenCommand"),
        // What the plugins rely on: the build plugin's copy of the output naming rules (compiled here and checked
        // against OutputNames) and the tool's arguments as the plugins pass them.
        .testTarget(
            name: "PluginSupportTests", dependencies: ["CTICodegen", "cti-codegen"],
            path: "Tests/Integration/PluginSupportTests"),
    ],
    swiftLanguageModes: [.v6]
)
