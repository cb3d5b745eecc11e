// The run-time benchmark of the generated code: frames per second and allocations per frame for
// real session frames, ours beside two baselines in the same run:
//   (a) codable:       JSONDecoder into hand-written Codable structs, JSONEncoder for the response,
//                      no validation, no routing;
//   (b) serialization: JSONSerialization into dictionaries, a hand-written switch.
// The ratio columns are ours' time per frame divided by the baseline's (below 1: ours is faster).
//
//   swift run -c release --package-path Benchmarks RuntimeBenchmarks [--samples N] [--filter TEXT] [--quick]

import CTIMessages
import CTIRuntime
import Foundation
import MallocCounter

var harness = Harness()
var filters: [String] = []
var profile: (contender: String, seconds: Double)?
var profileFrames: Int?
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--samples": harness.samples = Int(arguments.popFirst() ?? "") ?? harness.samples
    case "--filter": filters.append(arguments.popFirst() ?? "")
    case "--profile":
        // Runs only the named contender (ours, codable, serialization) of the filtered scenarios, for a profiler.
        profile = (arguments.popFirst() ?? "ours", profile?.seconds ?? 5)
    case "--frames":
        // With --profile: runs exactly this many frames instead (for instruction counts under valgrind).
        profileFrames = Int(arguments.popFirst() ?? "")
    case "--seconds":
        profile = (profile?.contender ?? "ours", Double(arguments.popFirst() ?? "") ?? 5)
    case "--quick":
        harness.samples = 5
        harness.warmUpSamples = 1
        harness.sampleSeconds = 0.02
    default:
        FileHandle.standardError.write(Data("usage: RuntimeBenchmarks [--samples N] [--filter TEXT]... [--quick] [--profile ours|codable|serialization [--seconds S | --frames N]]\n".utf8))
        exit(2)
    }
}

// MARK: Scenarios

func sizes(_ frame: [UInt8], response: [UInt8]) -> (Int, Int) { (frame.count, response.count) }

/// The response frame ours produces for `request`, checked: SUCCESS, name, target and request id echoed.
func checkedResponse(to request: SessionFrames.Request) async throws -> [UInt8] {
    let router = Router(handler: Ours.handler)
    let payload = try await router.route(Array(request.json.utf8))
    let envelope = try Envelope(parsing: payload)
    guard envelope.headerString("result") == "SUCCESS", envelope.headerString("name") == request.name,
        envelope.headerString("requestId") == SessionFrames.requestID,
        envelope.headerString("target") == SessionFrames.target
    else { throw BenchmarkError.unexpected("response to \(request.name): \(String(decoding: payload, as: UTF8.self))") }
    return try FrameEncoder().encode(payload)
}

var scenarios: [Scenario] = []

for request in SessionFrames.allRequests {
    let frame = SessionFrames.frame(request.json)
    let response = try await checkedResponse(to: request)
    scenarios.append(
        Scenario(
            name: "route \(request.name)", bytesIn: frame.count, bytesOut: response.count,
            contenders: [Ours.route([frame]), CodableBaseline.route(request), SerializationBaseline.route([frame])]))
}

do {
    let frames = SessionFrames.allRequests.map { SessionFrames.frame($0.json) }
    var bytesOut = 0
    for request in SessionFrames.allRequests { bytesOut += try await checkedResponse(to: request).count }
    scenarios.append(
        Scenario(
            name: "route all 8 session requests in turn", bytesIn: frames.map(\.count).reduce(0, +) / frames.count,
            bytesOut: bytesOut / frames.count,
            contenders: [
                Ours.route(frames), CodableBaseline.routeAll(SessionFrames.allRequests), SerializationBaseline.route(frames),
            ],
            cycle: frames.count))
}

// Client to bridge: the client sends events; the bridge side reads them.
let teamStatusEventJSON = SessionFrames.event(
    "session.teamstatus.updated", body: SessionFrames.teamStatusBody(count: SessionFrames.teamSize))
let logoutReasonsEventJSON = SessionFrames.event(
    "session.externallogoutreasons.updated", body: SessionFrames.logoutReasonsBody(count: SessionFrames.reasonCount))
let teamStatusResponseJSON = SessionFrames.response(
    "session.request.getteamstatus", body: SessionFrames.teamStatusBody(count: SessionFrames.teamSize))

do {
    let event = try Session.TeamStatusUpdatedEvent(parsing: Array(teamStatusEventJSON.utf8))
    let frame = SessionFrames.frame(teamStatusEventJSON)
    scenarios.append(
        Scenario(
            name: "send session.teamstatus.updated (\(SessionFrames.teamSize) members)", bytesIn: 0, bytesOut: frame.count,
            contenders: [
                Ours.sendEvent(event),
                CodableBaseline.sendEvent(name: "session.teamstatus.updated", body: CodableBaseline.teamStatus),
                SerializationBaseline.sendEvent(name: "session.teamstatus.updated", body: SerializationBaseline.teamStatusEventBody),
            ]))
}
do {
    let event = try Session.ExternalLogoutReasonsUpdatedEvent(parsing: Array(logoutReasonsEventJSON.utf8))
    let frame = SessionFrames.frame(logoutReasonsEventJSON)
    let body = try JSONDecoder().decode(
        CodableBaseline.LogoutReasonsBody.self,
        from: Data(SessionFrames.logoutReasonsBody(count: SessionFrames.reasonCount).utf8))
    scenarios.append(
        Scenario(
            name: "send session.externallogoutreasons.updated (\(SessionFrames.reasonCount) reasons)", bytesIn: 0,
            bytesOut: frame.count,
            contenders: [
                Ours.sendEvent(event),
                CodableBaseline.sendEvent(name: "session.externallogoutreasons.updated", body: body),
                SerializationBaseline.sendEvent(
                    name: "session.externallogoutreasons.updated", body: SerializationBaseline.logoutReasonsEventBody),
            ]))
}

typealias CB = CodableBaseline
for (name, json) in [
    ("read getteamstatus response (\(SessionFrames.teamSize) members)", teamStatusResponseJSON),
    ("read session.teamstatus.updated (\(SessionFrames.teamSize) members)", teamStatusEventJSON),
    ("read session.externallogoutreasons.updated (\(SessionFrames.reasonCount) reasons)", logoutReasonsEventJSON),
] {
    let frame = SessionFrames.frame(json)
    let codable: Contender
    if json == teamStatusResponseJSON {
        codable = CB.read(frame, CB.ResponseHeader.self, CB.TeamStatusBody.self)
    } else if json == teamStatusEventJSON {
        codable = CB.read(frame, CB.EventHeader.self, CB.TeamStatusBody.self)
    } else {
        codable = CB.read(frame, CB.EventHeader.self, CB.LogoutReasonsBody.self)
    }
    scenarios.append(
        Scenario(
            name: name, bytesIn: frame.count, bytesOut: 0,
            contenders: [Ours.read(frame), codable, SerializationBaseline.read(frame)]))
}

// MARK: Run

if let profile {
    for scenario in scenarios where filters.isEmpty || filters.contains(where: { scenario.name.contains($0) }) {
        guard let contender = scenario.contenders.first(where: { $0.name == profile.contender }) else { continue }
        if let profileFrames {
            blackHole(try await contender.run(profileFrames))
            print("\(scenario.name): ran \(contender.name), \(profileFrames) frames")
            continue
        }
        let count = try await harness.calibrate(contender)
        let end = Harness.now() + profile.seconds
        var samples = 0
        while Harness.now() < end {
            blackHole(try await contender.run(count))
            samples += 1
        }
        print("\(scenario.name): ran \(contender.name), \(samples * count) frames")
    }
    exit(0)
}

func format(_ value: Double, decimals: Int) -> String {
    String(format: "%.\(decimals)f", value)
}

func formatRate(_ rate: Double) -> String {
    rate >= 100 ? String(Int(rate.rounded())) : format(rate, decimals: 1)
}

print("# RuntimeBenchmarks")
print("")
print(
    "\(harness.samples) samples of ~\(Int(harness.sampleSeconds * 1000)) ms of CPU time per contender after \(harness.warmUpSamples) warm-up samples, round-robin; medians.")
print(
    "ratio = ours' time per frame / the baseline's (below 1.00: ours is faster). spread = (p75 - p25) / median, the largest of the three.")
if malloc_counter_is_supported() == 0 { print("(allocation counting is not supported on this platform: the counts read 0)") }
print("")
print("| scenario | bytes in/out | ours frames/s | (a) Codable frames/s | (b) JSONSerialization frames/s | ours/(a) | ours/(b) | allocs/frame ours / (a) / (b) | spread |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
var ratiosA: [Double] = []
var ratiosB: [Double] = []
for scenario in scenarios where filters.isEmpty || filters.contains(where: { scenario.name.contains($0) }) {
    let results = try await harness.measure(scenario)
    let ours = results[0]
    let ratioA = results[1].framesPerSecond / ours.framesPerSecond
    let ratioB = results[2].framesPerSecond / ours.framesPerSecond
    ratiosA.append(ratioA)
    ratiosB.append(ratioB)
    let bytes = "\(scenario.bytesIn == 0 ? "-" : String(scenario.bytesIn)) / \(scenario.bytesOut == 0 ? "-" : String(scenario.bytesOut))"
    let allocations = results.map { format($0.mallocsPerFrame, decimals: $0.mallocsPerFrame < 100 ? 1 : 0) }
        .joined(separator: " / ")
    let spread = results.map(\.spread).max() ?? 0
    print(
        "| \(scenario.name) | \(bytes) | \(formatRate(ours.framesPerSecond)) | \(formatRate(results[1].framesPerSecond)) | \(formatRate(results[2].framesPerSecond)) | \(format(ratioA, decimals: 2)) | \(format(ratioB, decimals: 2)) | \(allocations) | \(format(spread * 100, decimals: 1))% |"
    )
}
if !ratiosA.isEmpty {
    func geometricMean(_ values: [Double]) -> Double { exp(values.map(log).reduce(0, +) / Double(values.count)) }
    print("")
    print(
        "geometric mean of the ratios: ours/(a) \(format(geometricMean(ratiosA), decimals: 2)), ours/(b) \(format(geometricMean(ratiosB), decimals: 2)); worst ours/(a) \(format(ratiosA.max()!, decimals: 2))"
    )
}
