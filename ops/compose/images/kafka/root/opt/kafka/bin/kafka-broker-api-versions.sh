#!/bin/bash
exec java -Xmx256m -XX:TieredStopAtLevel=1 -Xshare:auto -Dlog4j2.configurationFile=/opt/kafka/config/tools-log4j2.properties \
  -cp '/opt/kafka/libs/*' org.apache.kafka.tools.BrokerApiVersionsCommand "$@"
