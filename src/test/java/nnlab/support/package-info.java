/**
 * The test harness, one home for every test package: an HTTP client as a script uses the API ({@link
 * nnlab.support.Api}), raw HTTP for requests java.net.http will not send ({@link nnlab.support.RawHttp}), a
 * browser's worth of cookies and CSRF ({@link nnlab.support.Visitor}), a STOMP client ({@link
 * nnlab.support.StompFollower}), WebSocket handshakes, headless Chromium, log watching, job specs, the job
 * endpoints of the OpenAPI document, an embedded PostgreSQL, and web-layer slices ({@link
 * nnlab.support.WebLayerSlice}).
 *
 * <p>Each integration server boots the whole application with the engine, so tests share the few servers
 * below (Spring caches one application per configuration) unless a setting they need would break others:
 * <ul>
 *   <li>{@link nnlab.support.LiveServer}: raised per-client job limits, one instructor; most tests;</li>
 *   <li>{@link nnlab.support.DefaultLimitsServer}: every limit as shipped; the browser tests;</li>
 *   <li>{@link nnlab.support.TightServer}: small rate limits, configured origins, a trusted proxy;</li>
 *   <li>{@link nnlab.support.HostileServer}: hostile requests, which lock accounts out;</li>
 *   <li>{@link nnlab.support.ClosedDoorsServer}: anonymous use switched off.</li>
 * </ul>
 * A test whose settings would disturb a shared server keeps its own: short time limits (idle, paused, wall
 * time), a tiny queue, fair sharing on one worker, a low sign-in limit per address, a PostgreSQL database,
 * a restart, a separate small-heap process.
 */
package nnlab.support;
