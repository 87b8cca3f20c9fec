// The few Mocha globals the widget's tests use (@web/test-runner runs them with Mocha);
// declared here because @types/mocha is not a dependency.
declare function describe(title: string, suite: () => void): void;
declare function it(title: string, test: () => void | Promise<void>): void;
declare function before(hook: () => void | Promise<unknown>): void;
declare function afterEach(hook: () => void | Promise<void>): void;
