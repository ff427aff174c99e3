import { useEffect, useState } from 'react';
import { detectEndpointKind, type EndpointKind } from '../model/endpoint-kind.js';

/** Asks the endpoint once what it is; undefined while the answer is pending. */
export function useEndpointKind(baseUrl: string, fetcher: typeof fetch): EndpointKind | undefined {
  const [kind, setKind] = useState<EndpointKind | undefined>(undefined);
  useEffect(() => {
    const controller = new AbortController();
    let disposed = false;
    const timer = setTimeout(() => controller.abort(), 3000);
    void detectEndpointKind(baseUrl, fetcher, controller.signal).then((result) => {
      clearTimeout(timer);
      if (!disposed) setKind(result);
    });
    return () => {
      disposed = true;
      clearTimeout(timer);
      controller.abort();
    };
  }, [baseUrl, fetcher]);
  return kind;
}
