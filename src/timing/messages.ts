import type { MessageData } from '../types';

/**
 * The messages of each rule by id, as ESLint rules have them (`messages: { id: template }`):
 * a finding names its message with `messageId` and fills the template's `{{name}}`
 * placeholders from `data`. Ids are stable like rule ids: fixtures pin them, so that a
 * finding with the right rule but the wrong reason shows. `wrapped` messages may stand with
 * any rule: they carry another message (`{{reason}}`) of the rule they report.
 */
export const ruleMessages: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'timing/sync-callback-now-async': {
    alwaysSync: "`{{callback}}` is always called synchronously; as an async function its caller's code would run a microtask later. Left as is (--allow timing/sync-callback-now-async converts it).",
    alwaysSyncAllowed: "`{{callback}}` is always called synchronously; as an async function its caller's code would run a microtask later. On every path a caller's continuation now runs after the code that follows its call.",
    zalgo: '`{{callback}}` is called synchronously on some paths and asynchronously on others (Zalgo); converting makes every call asynchronous. Left as is (--allow timing/sync-callback-now-async converts it).',
    zalgoAllowed: "`{{callback}}` is called synchronously on some paths and asynchronously on others (Zalgo); converting makes every call asynchronous. On the synchronous paths a caller's continuation now runs after the code that follows its call, a microtask later.",
    operationNotKnownAsync: 'The operation that carries the callback is not known to call back asynchronously.',
    callerContinuation: '{{name}} may call back synchronously: where it did, the code from here on now runs before the continuation, which waits a microtask.',
    callerContinuationUnbounded: '{{name}} may call back synchronously, and the function holding this call has callers outside this file (exported, handed on, or a method): the code after those calls, which would now run before the continuation, cannot be flagged here. Left as is.',
    packageCalleeSync: '{{name}} of {{definedIn}} calls back synchronously on some path (its summary in the package model), so this call is left as is (--allow timing/sync-callback-now-async converts it).',
    packageCalleeSyncAllowed: '{{name}} of {{definedIn}} calls back synchronously on some path (its summary in the package model): where it does, the code from here on now runs before the continuation, which waits a microtask.',
  },
  'timing/callback-moved-to-microtask': {
    operationCallback: '{{api}}: the callback body now runs as a promise job once the operation completes.',
    sourceSummaryCallback: '{{api}} ({{entry}}, summarised from its source in node_modules: calls back once, later): the callback body now runs as a promise job once the operation completes.',
    knownPackageCallback: "{{api}} ({{entry}}, known from awaitify's ecosystem table): the callback body now runs as a promise job once the operation completes.",
    functionNowAsync: '{{name}} is now async: callers that await it continue in a promise job, not in the callback, and an exception thrown in its body rejects its promise instead of being uncaught.',
    functionNowAsyncAwaiting: '{{name}} is now async: callers that await it continue in a promise job, not in the callback, and an exception thrown in its body rejects its promise instead of being uncaught. Inside it, the code after {{operations}} now runs as a promise job once the operation completes.',
    timerCallback: '{{timer}}: the callback body now runs as a promise job right after the {{what}} fires, before the next timer or immediate runs.',
    retryLoop: 'Retry of `{{name}}` became a loop: each later attempt runs as a promise job right after its timer fires.',
    iifeNotAtTail: 'The converted code stays an async IIFE inside {{name}}: it is not the last thing the function does, and what runs after it still runs before the continuation.',
    iifeHostKind: '{{name}} keeps the async IIFE: it is a callback API that stays callback-style, a generator, typed, or async of its own, so it cannot simply become async.',
    iifeThrowBefore: '{{name}} keeps the async IIFE: code before it may throw, and its callers may catch that throw; as an async function the throw would reject a promise no one awaits.',
    iifeNamesClash: '{{name}} keeps the async IIFE: a name declared inside the IIFE is bound or read elsewhere in the function, so its body cannot move into the function.',
    iifeValueUsed: '{{name}} keeps the async IIFE: a caller uses its return value, or it escapes (exported, handed on, a listener, a method called from where awaitify cannot see), so as an async function it would return a promise where it returned a value.',
    stepNowAsync: '`{{step}}`, a local step of {{name}} that calls `{{callback}}`, is now an async function too: each call of it (at the end of its path) returns what it gives, `return await {{step}}(…)`, a promise job after the step settles.',
  },
  'timing/timer-to-microtask': {
    immediateOutsideNode: 'setImmediate outside Node has no promise form that stays a macrotask; a microtask would run it earlier, so it is left as is.',
  },
  'timing/concurrency-changed': {
    loopOfOperations: '`{{callback}}` is called from operations started in a .{{method}} loop, which run side by side; this is not a counter join awaitify can read (a counter decremented last, then one call when it reaches zero), and awaiting them one by one would run them one after another.',
  },
  'timing/throw-becomes-rejection': {
    errorThrown: '`if ({{error}}) throw` was an uncaught exception; the error now rejects the async function instead.',
    throwInCallback: 'This throw ran inside a callback (an uncaught exception); it now rejects the async function instead.',
    throwInOperationCallback: "A throw inside the operation's callback was an uncaught exception; in an async function it would reach the caller as a rejection.",
    throwsSynchronously: 'The function throws synchronously on some path; as an async function it would reject instead.',
    foldedThrowUncaught: '{{name}} runs code that may throw before its first await. At each of its calls such a throw was an uncaught exception (in a callback Node calls later) or rejected the async function that returns the call; it now rejects the promise {{name}} returns: the same rejection where that promise is returned, an unhandled rejection where it is dropped, after the microtasks already queued.',
    chainFunctionNowAsync: '{{name}} returned the chain\'s promise and is now async: an exception thrown before its first await (evaluating the receiver, say) now rejects the promise it returns instead of reaching its caller at once.',
    wrapperFunctionNowAsync: '`{{name}}` returned a new Promise wrapper and is now async: an exception thrown before the operation starts (evaluating its arguments) now rejects the promise it returns instead of reaching its caller at once.',
    throwAfterResolve: 'This code ran after resolve() in the callback, where a throw was an uncaught exception; after the await it rejects the async function instead.',
    throwInTimer: 'This throw ran inside a timer callback (an uncaught exception); it now rejects the async function instead.',
    throwInFirstAttempt: 'A throw during the first attempt of `{{name}}` reached its caller at once; it now rejects the promise `{{name}}` returns.',
    retryCalledInTry: '`{{name}}` is called inside a try block; a throw during its first attempt would become a rejection that the catch no longer sees.',
  },
  'timing/multiple-callback-calls': {
    calledTwice: 'On some path `{{callback}}` is called more than once (a missing return after `{{callback}}(err)`?); a promise settles only once.',
    calledInTry: "`{{callback}}` is called inside a try block: an error thrown by the caller's callback would be caught and could call it again.",
    oneErrorPerItem: 'Several members of this counter join can fail and each calls `{{callback}}` with its error: it is called once per error, and Promise.all would settle once, with the first (guard the calls with an `if (failed) return;` flag to convert it).',
    tryAroundCallbackCall: "`{{callback}}(null, …)` was called inside a try whose catch calls `{{callback}}(err)`: an error computing the value still reaches the caller, but a throw from the caller's own callback no longer comes back as a second call.",
    packageCalleeTwice: '{{name}} of {{definedIn}} may call back more than once (its summary in the package model); a promise settles only once, so this call keeps its callback.',
  },
  'timing/callback-stored-or-escaping': {
    usedAsValue: '`{{callback}}(…)` is used as a value.',
    callbackRefersToItself: 'The callback refers to itself by its name `{{name}}`, which would be gone once its body is inlined.',
    handedToUnknown: '`{{callback}}` is handed to an operation awaitify does not know.',
    usedInStatement: '`{{callback}}` is used inside {{statement}}, where its calls cannot be counted.',
    readInCondition: '`{{callback}}` is read in a condition, not only called.',
    passedToItself: '`{{callback}}` is passed to itself.',
    passedAway: '`{{callback}}` is passed somewhere its calls cannot be followed.',
    handedNotAsCallback: '`{{callback}}` is handed to {{name}} (line {{line}}) as argument {{given}}, but {{name}} takes its callback as argument {{expected}}: it is not called back through that parameter, so a promise could not stand for it.',
    handedToOwnFunctionLeft: '`{{callback}}` is handed to {{name}} (line {{line}}), a callback function of this file that stays callback-style ({{rule}}): this function can convert once {{name}} does.',
    returnedFunctionCallsBack: '`{{callback}}` is called from the function returned at line {{line}}, a callback made here for some other call: when and how often it runs is up to that call, so this function stays callback-style.',
  },
  'timing/event-emitter-callback': {
    registeredAsListener: '`{{callback}}` is registered as an event listener (`.{{method}}`), which runs once per event, not once.',
    handedToStream: "`{{callback}}` is handed to a stream, whose callbacks follow the stream's events.",
    calledFromListener: '`{{callback}}` is called from an event listener (`.{{method}}`), which runs once per event.',
  },
  'timing/return-value-now-promise': {
    returnsValue: 'The function returns a value; as an async function it would return a promise instead.',
    retryNowAsync: '`{{name}}` is now async and returns a promise; every call in this file drops its value.',
    hostNowAsync: '`{{name}}` becomes an async function to await the call it holds (no async IIFE inside it); it returns a promise where it returned undefined, and every call of it drops its value (or returns it where nothing reads it).',
    methodFolded: '`{{name}}` becomes an async method (the async IIFE it ended with is now its body): it returns a promise where it returned undefined; every call of `.{{name}}(…)` in the package drops its value, and code outside the package that reads it now gets a promise.',
    iifeFolded: '{{name}} becomes an async function (the async IIFE it ended with is now its body): it returns a promise where it returned undefined or a value nobody reads, and every caller drops it.',
    retryExported: '`{{name}}` is exported; as an async function it would return a promise to its callers.',
    retryValueUsed: '`{{name}}` is used other than in calls whose value is dropped; as an async function it would return a promise.',
    noCallbackNowPromise: '{{name}} took `{{callback}}` as optional: called without it, it {{before}}; it now returns a promise, which rejects on error (an unhandled rejection where the caller drops it).',
    noCallbackCallNowPromise: '{{name}} is called here without its optional callback: the call now returns a promise that nothing awaits, and an error rejects it unhandled instead of being dropped.',
    optionalArgumentDefault: '`{{param}}` of {{name}} now defaults to `{{value}}` when it is undefined: a call that left it out (the callback in its place) got `{{value}}` before too, but an explicit `undefined` did not.',
  },
  'timing/extra-microtask-ticks': {
    dualApiCallback: '{{name}} is still called with a callback here; the dual API calls it from process.nextTick once the promise settles, a few ticks after the operation completed.',
    dualCallerUsedAsValue: '{{name}} is used as a value at {{where}}, where its calls cannot be followed; it keeps its callback form (dual API), which calls back from process.nextTick once the promise settles, a few ticks later than before.',
    dualCallerUnresolved: '{{name}} may be what {{where}} calls with a callback (a value of no known type); it keeps its callback form (dual API), which calls back from process.nextTick once the promise settles, a few ticks later than before.',
    dualCallerOutsideRun: "{{name}} is still called with a callback from {{where}}, outside the run's paths (read, not written); it keeps its callback form (dual API), which calls back from process.nextTick once the promise settles, a few ticks later than before.",
    dualCallerLeft: '{{name}} is still called with a callback at {{where}}; that call was left as it was; it keeps its callback form (dual API), which calls back from process.nextTick once the promise settles, a few ticks later than before.',
  },
  'timing/next-tick-ordering': {
    nextTickInBody: 'process.nextTick in the callback body: in a promise job its tick runs after pending promise jobs, in a callback before them. Left as is (--allow timing/next-tick-ordering converts it).',
    nextTickInBodyAllowed: 'process.nextTick in the callback body: in a promise job its tick runs after pending promise jobs, in a callback before them.',
    nextTickInTimer: 'process.nextTick in the timer callback: in a promise job its tick runs after pending promise jobs, in a timer callback before them. Left as is (--allow timing/next-tick-ordering converts it).',
    nextTickInTimerAllowed: 'process.nextTick in the timer callback: in a promise job its tick runs after pending promise jobs, in a timer callback before them.',
    nextTickInRetry: 'process.nextTick in `{{name}}`: later attempts run in a promise job, where its tick comes after pending promise jobs. Left as is (--allow timing/next-tick-ordering converts it).',
    nextTickInRetryAllowed: 'process.nextTick in `{{name}}`: later attempts run in a promise job, where its tick comes after pending promise jobs.',
    packageCalleeMicrotask: '{{name}} of {{definedIn}} calls back from a process.nextTick or a promise job (its summary in the package model): awaited, the continuation would run after the ticks and promise jobs queued from here on, not before them. Left as is (--allow timing/next-tick-ordering converts it).',
    packageCalleeMicrotaskAllowed: '{{name}} of {{definedIn}} calls back from a process.nextTick or a promise job (its summary in the package model): the continuation now runs after the ticks and promise jobs queued from here on, not before them.',
    callerContinuationUnbounded: '{{name}} calls back from a process.nextTick or a promise job, and the function holding this call has callers outside this file (exported, handed on, or a method): the ticks and promise jobs queued after those calls, which would now run before the continuation, cannot be flagged here. Left as is.',
  },
  'timing/empty-collection-timing': {
    emptyListSync: 'For an empty list `{{callback}}` was called synchronously; the promise now settles a microtask later.',
    emptyListNeverCalled: 'For an empty list the counter never reached zero and the callback was never called; Promise.all of nothing resolves, so the function now returns.',
    forInInheritedKeys: 'The counter started at Object.keys(…).length but for…in also visits inherited enumerable keys: with such keys the original called back before the last items completed; Promise.all now waits for every item started.',
  },
  'timing/interval-to-loop': {
    intervalLoop: 'setInterval became a loop of awaits: each tick still comes one interval after the one before, timed from the end of the tick rather than its start.',
  },
  'timing/delay-helper-replaced': {
    helperReplaced: 'The delay helper `{{name}}` is replaced by setTimeout from timers/promises, which resolves at the same moment.',
    promiseDelayReplaced: '`new Promise((resolve) => setTimeout(resolve, ms))` is replaced by setTimeout from timers/promises, which resolves at the same moment.',
  },
  'timing/callback-api-not-converted': {
    errorPassedToOuterCallback: 'The error is passed to `{{callback}}`, a callback of the enclosing function: that function is a callback API, converted as a whole or not at all.',
    ownFunctionLeft: '{{name}} {{reason}}, so this call keeps its callback.',
    stepsKeepCallbacks: '{{api}} is not known, and the functions it is given call back themselves: awaiting it in a new async IIFE would remove only its last callback and re-indent the rest, so it is left as it is.',
    callsOuterCallback: 'The callback calls `{{callback}}`, the callback of an enclosing function that stays callback-style (see the finding on that function): the call is left with it, not turned into an async IIFE inside it.',
  },
  'timing/callback-uses-this': {
    callbackUsesThis: 'The function callback uses `this` or `arguments`; moving its body would change what they mean.',
    functionReadsArguments: 'The function reads `arguments`, which would no longer hold the callback.',
    handlerUsesThis: 'The function handler reads `this` or `arguments`, which the promise leaves undefined; inlined, they would be the enclosing function\'s. Left as is.',
    handlerUnbound: '`{{handler}}` is called by the promise without `this`; a call `{{handler}}(value)` would bind it. Left as is.',
  },
  'timing/error-not-first-parameter': {
    patternFirstParameter: 'The first parameter is a pattern, not an error.',
    neverCalledWithError: '`{{callback}}` is never called with an error first (`{{callback}}(null, …)` or `{{callback}}(err)`), so {{name}} is not an error-first callback API.',
    taskWithoutCallback: 'a task takes no callback parameter.',
  },
  'timing/error-handling-unclear': {
    generatorCallback: 'The callback is a generator function.',
    defaultOrRestParameters: 'The callback has default or rest parameters.',
    optionsNotLiteral: 'The options of {{api}} are not a literal, and `all` would change what it calls back with.',
    tooManyParamsForOneValue: '{{api}} calls back with one value, but the callback takes {{count}}.',
    tooManyParams: '{{api}} calls back with {{given}} values, but the callback takes {{count}}.',
    valuesOnErrorCaptured: '{{api}} passes its values even on error, and the callback reads its error in a way only a captured error variable can express.',
    destructuredValueInTry: 'A destructured callback value cannot be declared before the try/catch that the error handling needs.',
    valuesOnErrorIgnored: '{{api}} passes its values even on error, and the callback uses them while ignoring the error.',
    paramsForNoValue: '{{api}} calls back with no value, but the callback takes {{count}}.',
    partialResultsOnError: '{{api}} passes the results so far along with an error, and the error path reads them.',
    maybeError: '`{{callback}}(…)` is called with a first argument that may or may not be an error.',
    errorWithValues: '`{{callback}}(…)` passes values along with what may be an error (`cb(er, true)`): a promise gives back an error or a value, never both.',
    callNotRewritten: 'Not every call of `{{callback}}` could become a return or throw of the function itself (an operation in between was left as it was).',
  },
  'timing/value-used-after-call': {
    callValueUsed: 'The value of {{api}}(…) is used, so the call cannot become an await.',
    timeoutUsed: 'The Timeout that {{timer}} returns is used, so the call cannot become an await.',
    handleUsed: 'The handle `{{name}}` is used other than to clear or unref it, so the timer cannot become an await.',
  },
  'timing/unsupported-node-version': {
    promiseFormTooNew: 'The promise form of {{api}} needs Node {{needed}}, but engines.node allows Node {{allowed}}.',
    timersPromisesTooNew: 'The wait needs {{what}} from timers/promises, which the oldest Node version engines.node allows does not have.',
  },
  'timing/api-not-promisable': {
    refusedApi: '{{api}} is left as is: {{reason}}.',
    noPromiseForm: '{{api}} has no known promise form.',
    browserHelperLacks: 'The wait needs {{what}}, which a browser delay helper does not offer.',
  },
  'timing/callback-not-inline': {
    callbackNotInline: 'The callback of {{api}} is not written inline; it may be called from elsewhere, so it is left as is.',
    asyncTasksNotInline: 'its tasks, iteratee or final callback are not all inline functions of a shape awaitify reads.',
    timerCallbackNotInline: 'The callback of {{timer}} is not a function written inline or declared in this file, so its body cannot move.',
  },
  'timing/callback-maybe-not-called': {
    maybeNeverCalled: 'On some path `{{callback}}` is never called, so a promise would never settle.',
    stepNotAtTail: 'On some path `{{callback}}` is only called from `{{step}}`, a local function that calls it, and `{{step}}` is {{how}}: its call cannot become `return await {{step}}()` (a step must be called as a statement with nothing after it in its function), so a promise would never settle.',
    promiseOnlyCallerUsedAsValue: '{{name}} is used as a value at {{where}}, where its calls cannot be followed, but it no longer takes a callback (--api promise): that callback is never called.',
    promiseOnlyCallerUnresolved: '{{name}} may be what {{where}} calls with a callback (a value of no known type), but it no longer takes a callback (--api promise): that callback is never called.',
    promiseOnlyCallerOutsideRun: "{{name}} is still called with a callback from {{where}}, outside the run's paths (read, not written), but it no longer takes a callback (--api promise): that callback is never called.",
    promiseOnlyCallerLeft: '{{name}} is still called with a callback at {{where}}; that call was left as it was, but it no longer takes a callback (--api promise): that callback is never called.',
    asyncV2Test: 'The test of async.{{method}} takes no callback (async v2 style): async v3 waits for a callback that never comes, so what the loop does depends on the installed version.',
  },
  'timing/code-after-callback-call': {
    codeAfterCall: 'Code runs after `{{callback}}(…)` returns; as a return it would not run, or would run first.',
  },
  'timing/unknown-callee': {
    unknownFunction: '{{name}} is not a function awaitify knows; whether it always calls back asynchronously, and once, cannot be proven (--allow timing/unknown-callee converts it through a local wrapper).',
    assumedOnceAsync: '{{name}} is not a function awaitify knows: it is assumed to call back once, asynchronously, with (err, values…). A second call-back would be lost, and a call-back made synchronously would now run after the code that follows the call.',
    handedOnValuesAssumed: '`{{callback}}` is handed to {{name}}, which calls it back once, later (the package model): it is assumed to pass an error or {{values}}, as the other calls of `{{callback}}` here do. More values (or values with an error) would be dropped.',
    handedOnAssumed: '`{{callback}}` is handed to {{name}}, which awaitify does not know: it is assumed to call `{{callback}}` once, asynchronously, with an error or with {{values}}, as the other calls of `{{callback}}` here do. A second call-back would be lost, more values (or values with an error) dropped, and a call-back made synchronously would now run after the code that follows the call.',
  },
  'timing/ignored-by-comment': {
    callIgnored: '{{api}} is left as it is: the comment above it asks so.',
    functionIgnored: '{{name}} is left as it is: the comment above it asks so.',
    timerIgnored: 'Left as it is: the comment above asks so.',
    chainIgnored: 'The promise chain is left as it is: the comment above it asks so.',
  },
  'timing/name-conflict': {
    bodyNameTaken: 'Moving the callback body would declare `{{name}}` where that name is already used.',
    timerBodyNameMeansOther: 'The body of `{{callback}}` uses `{{name}}`, which means something else where {{timer}} is called.',
    timerArgumentShadowed: '`{{name}}` is both passed to {{timer}} and declared by its callback.',
  },
  'timing/timer-handle-cleared': {
    handleCleared: '`{{name}}` is cleared on some path; as an await the timer could not be cancelled.',
  },
  'timing/timer-callback-uses-this': {
    timerCallbackUsesThis: 'The function callback of {{timer}} uses `this` (the Timeout object) or `arguments`, which mean something else after the move.',
    retryUsesThis: '`{{name}}` uses `this` or `arguments`, which a loop would keep from the first call.',
  },
  'timing/timer-callback-reused': {
    callbackUsedElsewhere: '`{{name}}` is also used elsewhere; moving its body into an async flow would change those uses.',
  },
  'timing/overlapping-timers': {
    timerInLoop: 'This {{timer}} runs once per loop iteration and the waits overlap; awaiting them in the loop would run them one after another.',
    intervalInLoop: 'This setInterval starts once per loop iteration and the intervals overlap; one loop of awaits cannot stand for them.',
  },
  'timing/timer-shape-unsupported': {
    generatorTimerCallback: 'The timer callback is a generator function.',
    delaySpread: 'The delay of {{timer}} is spread from an array.',
    typedParameters: 'Typed callback parameters would need an array pattern, which cannot carry their types.',
    asyncIntervalCallback: 'The interval callback is async: the next tick does not wait for it, but a loop would.',
    intervalExtraArguments: 'setInterval passes extra arguments to its callback.',
    varClearedElsewhere: '`{{name}}` is a var cleared from elsewhere; as an AbortController it could be used before it is set.',
    intervalReturnsValue: 'The interval callback returns a value. Left as is.',
    intervalReturnInLoop: 'The interval callback returns from inside a loop, which has no `continue` of the outer loop without a label. Left as is.',
    clearIntervalAsValue: 'clearInterval is used as a value inside the callback. Left as is.',
    retryParameters: '`{{name}}` has default, rest, destructured or typed parameters; a loop would reassign them.',
    retryCodeAfterTimer: 'Code in `{{name}}` can run after the retry timer is set; a loop would run it after the next attempt.',
    retryDeclaresNames: '`{{name}}` declares var or function names, which a loop would share between attempts.',
    retryCapturesParameters: "A function inside `{{name}}` keeps its parameters; in a loop it would see later attempts' values.",
  },
  'timing/chain-to-await': {
    chainAwaited: 'The promise chain ({{links}} links) became awaits: each `.catch` holds only the links before it in its try, and each handler runs on the values and errors it saw before.',
  },
  'timing/microtask-ticks-changed': {
    fewerTicks: 'The value is seen {{count}} microtask ticks earlier: {{before}} ticks after the receiver settles in the chain, {{after}} with awaits (docs/rules.md, tick model). Promise jobs queued elsewhere meanwhile may now run after it.',
    ticksChangedRefused: 'The value would be seen after {{after}} microtask ticks instead of {{before}} (docs/rules.md, tick model). Left as is (--allow timing/microtask-ticks-changed converts it).',
    moreTicks: 'The value is seen {{count}} microtask ticks later: {{before}} ticks after the receiver settles in the chain, {{after}} with awaits (docs/rules.md, tick model). Promise jobs queued elsewhere meanwhile may now run before it.',
    handlerNowAsync: "`{{name}}` is now async: where it ends without the wrapper (falls off its end, returns a value, or throws first), the chain's next handler runs {{after}} microtask ticks after it instead of {{before}}, since the chain now adopts the async function's promise. Promise jobs queued elsewhere meanwhile may now run before it.",
    handlerNowAsyncRefused: "`{{name}}` would become async: where it ends without the wrapper, the chain's next handler would run {{after}} microtask ticks after it instead of {{before}}. Left as is (--allow timing/microtask-ticks-changed converts it).",
  },
  'timing/promise-receiver-unknown': {
    receiverUnknownRefused: 'The chain starts on a value not known to be a native promise; await would call its `then` a tick later. Left as is (--allow timing/promise-receiver-unknown converts it).',
    receiverUnknown: 'The chain starts on a value not known to be a native promise (a thenable, a query builder, a library promise?): await calls its `then` one tick later than the chain did, and library semantics beyond Promises/A+ are not kept.',
    wrapperPromiseBinding: "`Promise` here is a binding of the file (a library's constructor, maybe), not the global: the handler, now async, returns a native promise, which the chain adopts through its `then` instead of the wrapper's own promise; library semantics beyond Promises/A+ are not kept.",
  },
  'timing/promise-wrapper-replaced': {
    wrapperReplaced: 'new Promise around {{api}} became the promise form of {{api}}, which settles with the same value or error.',
    wrapperAwaited: "new Promise around {{api}} became an await of the promise form of {{api}}; the callback's other code runs after it, as it ran in the callback, before the function's promise settles.",
    promisifyReplaced: 'util.promisify({{api}}) became the promise form of {{api}}.',
  },
  'timing/promise-chain-not-converted': {
    fireAndForget: 'The chain is neither returned nor awaited: it runs concurrently with the code after it, and stays a chain so that it still does.',
    usedAsValue: 'The chain\'s promise is used as a value (stored, passed on, combined): awaiting it here would change when the code around it runs. Left as is.',
    handlerNotFunction: 'A handler is neither an inline function nor a function declared once in this file: it may be undefined (which the promise passes over, where a call would throw) or something else. Left as is.',
    generatorHandler: 'A generator handler returns an iterator, not a value: no await form means the same. Left as is.',
    handlerNamed: 'The function handler has its own name `{{name}}`, which its body may use. Left as is.',
    handlerExtraParams: 'The handler declares {{count}} parameters; the promise passes {{passed}}. Left as is.',
    handlerParamDefault: 'The handler\'s parameter has a default or is a rest parameter. Left as is.',
    errorParamTyped: 'The error handler\'s parameter has a type other than any or unknown, which a catch clause does not allow in TypeScript. Left as is.',
    returnInLoop: 'A return inside a loop or switch of the handler leaves the handler only; no flat await form keeps that. Left as is.',
    returnInFinally: 'A return inside a finally handler would override the result of a try/finally. Left as is.',
    returnInsideHandler: 'A return inside this handler leaves the handler only, and more code follows it in the chain or the function; inlined, it would leave the function. Left as is.',
    twoHandlersNotLast: '`.then(onValue, onError)`: onError does not see what onValue throws; outside a returned chain\'s last link no try/catch keeps that here. Left as is.',
    handlerCount: '`.{{method}}` with {{count}} handler arguments. Left as is.',
    nameConflict: 'Inlining the handler would bring the name `{{name}}` into a scope that already uses it. Left as is.',
    functionCannotBeAsync: 'The chain is returned from a function that cannot be async (a generator, getter, setter or constructor). Left as is.',
    returnsOtherValues: 'The function returns something other than a promise on some path (or falls off its end); as an async function it would return a promise there, which its callers may not expect. Left as is.',
    returnInTry: 'The chain is returned inside a try block, whose catch or finally runs before the chain settles; awaited, it would run after. Left as is.',
  },
  'timing/promise-library-method': {
    libraryMethod: '`.{{method}}` is a promise library method (Bluebird, Q), not a native one. Left as is.',
    catchWithPredicate: '`.catch(Type, handler)` filters errors by type (Bluebird); a native catch takes one handler. Left as is.',
  },
  'timing/promise-wrapper-not-converted': {
    wrapperShape: 'The new Promise executor does more than call one callback API and settle from its callback. Left as is.',
    wrapperMaybeNotSettled: 'On some path the executor\'s callback calls neither resolve nor reject, so the promise never settles. Left as is.',
    wrapperUnknownApi: '{{api}} has no promise form awaitify knows. Left as is.',
    wrapperValueShape: 'The callback settles with something other than its error or its first value. Left as is.',
    wrapperCodeNotReturned: 'The callback runs more code than resolve and reject, and the wrapper is not returned from a function that can be async, where that code could follow an await. Left as is.',
  },
};

/** Messages that carry another finding's message, with the rule of that finding. */
export const wrappedMessages: Readonly<Record<string, string>> = {
  asyncTaskRefused: 'A task of async.{{asyncMethod}} stays a callback function, so the call is left as is: {{reason}}',
};

/** The template of a rule's message, or undefined when the rule has no such id. */
export function findMessageTemplate(ruleId: string, messageId: string): string | undefined {
  return ruleMessages[ruleId]?.[messageId] ?? wrappedMessages[messageId];
}

/** Fills `{{name}}` placeholders; a placeholder without data is an error (a typo would hide). */
export function formatMessage(template: string, data: MessageData = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_whole, name: string) => {
    if (!(name in data)) throw new Error(`message data has no "${name}" for "${template}"`);
    return String(data[name]);
  });
}

/**
 * The text of a rule's message by id. A wrapped message's `{{reason}}` is the rule's message
 * `data.reasonId`, filled from the same data.
 */
export function renderMessage(ruleId: string, messageId: string, data: MessageData = {}): string {
  const template = findMessageTemplate(ruleId, messageId);
  if (template === undefined) throw new Error(`Unknown message id ${messageId} of rule ${ruleId}: add it to src/timing/messages.ts`);
  const reasonId = data.reasonId;
  if (messageId in wrappedMessages && typeof reasonId === 'string') return formatMessage(template, { ...data, reason: renderMessage(ruleId, reasonId, data) });
  return formatMessage(template, data);
}
