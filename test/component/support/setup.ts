// jest-dom's matchers (toBeInTheDocument, toBeDisabled, toHaveTextContent…) for every component test.
import '@testing-library/jest-dom/vitest';
