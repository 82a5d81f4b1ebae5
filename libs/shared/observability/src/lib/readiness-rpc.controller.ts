import { Controller, type Type } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { MessagePatterns, type BackendServiceName, type ReadinessReport } from '@melvin/shared/contracts';
import { ReadinessService } from './readiness.service';

/** Answers the gateway's readiness question for `service` over the Redis transport. */
export function readinessRpcController(service: BackendServiceName): Type<unknown> {
  @Controller()
  class ReadinessRpcController {
    constructor(private readonly readiness: ReadinessService) {}

    @MessagePattern(MessagePatterns.readiness(service))
    report(): Promise<ReadinessReport> {
      return this.readiness.report();
    }
  }
  return ReadinessRpcController;
}
