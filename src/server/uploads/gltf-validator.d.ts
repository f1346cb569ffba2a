/** Types for Khronos' glTF validator (npm gltf-validator ships none): the parts the upload check reads. */
declare module 'gltf-validator' {
  /** 0 error, 1 warning, 2 information, 3 hint. */
  export type Severity = 0 | 1 | 2 | 3;

  export interface ValidationMessage {
    code: string;
    message: string;
    severity: Severity;
    /** JSON pointer into the glTF, e.g. "/accessors/0"; absent for issues of the GLB container. */
    pointer?: string;
    /** Byte offset, for issues found in binary data. */
    offset?: number;
  }

  export interface ValidationReport {
    validatorVersion: string;
    mimeType?: string;
    issues: {
      numErrors: number;
      numWarnings: number;
      numInfos: number;
      numHints: number;
      messages: ValidationMessage[];
      truncated: boolean;
    };
    info?: { totalTriangleCount?: number; drawCallCount?: number };
  }

  export interface ValidationOptions {
    uri?: string;
    format?: 'glb' | 'gltf';
    externalResourceFunction?: (uri: string) => Promise<Uint8Array>;
    writeTimestamp?: boolean;
    maxIssues?: number;
    ignoredIssues?: string[];
    onlyIssues?: string[];
    severityOverrides?: Record<string, Severity>;
  }

  export function validateBytes(data: Uint8Array, options?: ValidationOptions): Promise<ValidationReport>;
  export function version(): string;
}
