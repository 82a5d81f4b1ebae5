const { join, relative } = require('path');

const workspaceRoot = join(__dirname, '..', '..');

/**
 * The unit-test setup every Node project shares: ts-jest with the project's tsconfig.spec.json.
 * `apps/auth` is named `auth`, `libs/shared/config` is named `shared-config`, as in project.json.
 */
module.exports = function nodeProjectJestConfig(projectDir) {
  const projectPath = relative(workspaceRoot, projectDir);
  const [kind, ...rest] = projectPath.split('/');
  return {
    displayName: rest.join('-'),
    preset: join(workspaceRoot, 'jest.preset.js'),
    testEnvironment: 'node',
    passWithNoTests: true,
    transform: { '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }] },
    moduleFileExtensions: ['ts', 'js', 'html'],
    coverageDirectory: join(workspaceRoot, 'coverage', projectPath),
  };
};
